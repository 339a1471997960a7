//! Where things are in the YAML text.
//!
//! serde_yaml reports positions for syntax and type errors only. Semantic errors (a duplicate code, an unknown
//! source id) need the line of the entry or field they are about, so this module scans the block-style YAML once
//! and records, for every mapping key and sequence item, the line and column it starts on.

/// One step of a path into the document: a mapping key or a sequence index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

#[derive(Debug, Default)]
struct Node {
    line: usize,
    column: usize,
    key: Option<String>,
    children: Vec<Node>,
}

/// An index of the document's block structure.
#[derive(Debug, Default)]
pub struct Outline {
    root: Node,
}

/// A line of the document with a key or a `- ` item on it.
struct Marked<'a> {
    line: usize,
    indent: usize,
    item: bool,
    key: Option<&'a str>,
    opens_block_scalar: bool,
}

impl Outline {
    pub fn new(text: &str) -> Outline {
        let mut root = Node { line: 1, column: 1, ..Node::default() };
        // stack of (indent of the node's own content, path of child indexes from the root)
        let mut stack: Vec<(usize, Vec<usize>)> = vec![(0, Vec::new())];
        let mut scalar_indent: Option<usize> = None;
        for (number, raw) in text.lines().enumerate() {
            let Some(marked) = mark(number + 1, raw) else { continue };
            if let Some(limit) = scalar_indent {
                if marked.indent > limit {
                    continue; // inside a `|` or `>` block scalar
                }
                scalar_indent = None;
            }
            insert(&mut root, &mut stack, &marked);
            if marked.opens_block_scalar {
                scalar_indent = Some(marked.indent);
            }
        }
        Outline { root }
    }

    /// Line and column (1-based) of the deepest node of `path` that exists.
    pub fn locate(&self, path: &[Step<'_>]) -> (usize, usize) {
        let mut node = &self.root;
        for step in path {
            let next = match step {
                Step::Key(key) => node.children.iter().find(|c| c.key.as_deref() == Some(key)),
                Step::Index(index) => node.children.iter().filter(|c| c.key.is_none()).nth(*index),
            };
            match next {
                Some(next) => node = next,
                None => break,
            }
        }
        (node.line, node.column)
    }

    /// Line of the top-level keys, in document order.
    pub fn top_level_keys(&self) -> Vec<(&str, usize)> {
        self.root.children.iter().filter_map(|c| Some((c.key.as_deref()?, c.line))).collect()
    }
}

fn mark(line: usize, raw: &str) -> Option<Marked<'_>> {
    let content = raw.trim_start_matches(' ');
    if content.is_empty() || content.starts_with('#') || raw.starts_with("---") {
        return None;
    }
    let indent = raw.len() - content.len();
    let (item, rest, indent) = match content.strip_prefix("- ") {
        Some(rest) => (true, rest.trim_start(), indent),
        None if content == "-" => (true, "", indent),
        None => (false, content, indent),
    };
    let key = key_of(rest);
    let opens_block_scalar = key.is_some() && {
        let value = rest.split_once(':').map_or("", |(_, v)| v.trim());
        value.starts_with('|') || value.starts_with('>')
    };
    if !item && key.is_none() {
        return None;
    }
    Some(Marked { line, indent, item, key, opens_block_scalar })
}

/// `name: value` or `name:` at the start of `text`, for plain keys only.
fn key_of(text: &str) -> Option<&str> {
    let end = text.find(':')?;
    let key = &text[..end];
    let after = &text[end + 1..];
    let plain =
        !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'$');
    (plain && (after.is_empty() || after.starts_with(' '))).then_some(key)
}

fn insert(root: &mut Node, stack: &mut Vec<(usize, Vec<usize>)>, marked: &Marked<'_>) {
    let column = marked.indent + 1;
    if marked.item {
        // a sequence item belongs to the nearest open node whose content is indented at most as far
        while stack.len() > 1 && stack.last().is_some_and(|(indent, _)| *indent > marked.indent) {
            stack.pop();
        }
        let item_path = push_child(root, stack, Node { line: marked.line, column, key: None, children: vec![] });
        let content_indent = marked.indent + 2;
        stack.push((content_indent, item_path.clone()));
        if let Some(key) = marked.key {
            let path = push_child(root, stack, keyed(marked, key, content_indent + 1));
            stack.push((content_indent + 1, path));
        }
        return;
    }
    while stack.len() > 1 && stack.last().is_some_and(|(indent, _)| *indent > marked.indent) {
        stack.pop();
    }
    // siblings at the same indent replace each other
    if stack.len() > 1 && stack.last().is_some_and(|(indent, _)| *indent == marked.indent + 1) {
        stack.pop();
    }
    if let Some(key) = marked.key {
        let path = push_child(root, stack, keyed(marked, key, column));
        stack.push((marked.indent + 1, path));
    }
}

fn keyed(marked: &Marked<'_>, key: &str, column: usize) -> Node {
    Node { line: marked.line, column, key: Some(key.to_string()), children: vec![] }
}

fn push_child(root: &mut Node, stack: &[(usize, Vec<usize>)], child: Node) -> Vec<usize> {
    let parent_path = stack.last().map(|(_, p)| p.clone()).unwrap_or_default();
    let mut parent = &mut *root;
    for &index in &parent_path {
        parent = &mut parent.children[index];
    }
    parent.children.push(child);
    let mut path = parent_path;
    path.push(parent.children.len() - 1);
    path
}

#[cfg(test)]
mod tests {
    use super::{Outline, Step};

    const DOC: &str = "version: 1\nbasic:\n  - code: 211\n    name: A\n  - code: 550\n    text: >-\n      x: y\n    name: B\nvendors:\n  - id: v\n    entries:\n      - id: e1\n        reason: r\n      - id: e2\n        reason: s\n";

    #[test]
    fn finds_items_and_keys() {
        let outline = Outline::new(DOC);
        assert_eq!(outline.locate(&[Step::Key("basic"), Step::Index(1)]), (5, 3));
        assert_eq!(outline.locate(&[Step::Key("basic"), Step::Index(1), Step::Key("name")]), (8, 5));
        let path = [Step::Key("vendors"), Step::Index(0), Step::Key("entries"), Step::Index(1), Step::Key("reason")];
        assert_eq!(outline.locate(&path), (15, 9));
        assert_eq!(outline.top_level_keys(), vec![("version", 1), ("basic", 2), ("vendors", 9)]);
    }

    #[test]
    fn missing_steps_stop_at_the_deepest_known_node() {
        let outline = Outline::new(DOC);
        assert_eq!(outline.locate(&[Step::Key("basic"), Step::Index(0), Step::Key("nope")]), (3, 3));
    }
}
