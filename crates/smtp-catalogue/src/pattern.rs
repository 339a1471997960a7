//! The matching form of wire text, shared by the validator and the matcher tables every binding carries.
//!
//! Bindings apply the same steps to the reply text at run time, so a fragment matches exactly when its matching
//! form is a substring of the reply's matching form, in every language.

/// Typographic quotes a server may send in place of ASCII ones (UTF-8 sequences), mapped to ASCII.
pub const QUOTE_FOLDS: [(&str, u8); 4] =
    [("\u{2018}", b'\''), ("\u{2019}", b'\''), ("\u{201c}", b'"'), ("\u{201d}", b'"')];

/// Lowercases ASCII letters, folds typographic quotes to ASCII, and collapses runs of white space to one space,
/// trimming both ends. Non-ASCII characters are kept byte for byte, so no language's Unicode tables are involved.
pub fn normalize_pattern(text: &str) -> String {
    let mut folded = text.to_string();
    for (from, to) in QUOTE_FOLDS {
        folded = folded.replace(from, &(to as char).to_string());
    }
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(|c: char| c.is_ascii_whitespace() || c == '\u{b}') {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_ascii_lowercase());
    }
    out
}

/// A pattern whose matching form is one byte that is not a letter or digit: a lone `-` or `:` is in nearly every
/// reply, so it cannot select anything, and the Python binding's scanners cannot report it (docs/parsing.md,
/// section 6).
pub fn is_lone_punctuation(text: &str) -> bool {
    matches!(normalize_pattern(text).as_bytes(), [byte] if !byte.is_ascii_alphanumeric())
}

/// The words of a fragment or phrase without the punctuation around them (`>: User unknown` and `... User
/// unknown` both give `user unknown`). A vendor fragment whose wording is a generic phrase's only names the vendor
/// next to the vendor's marker (docs/parsing.md, section 7).
pub fn generic_wording(text: &str) -> String {
    normalize_pattern(text).trim_matches(|c: char| !c.is_ascii_alphanumeric()).to_string()
}

/// The generic wordings of the catalogue's phrases, to test fragments against with [`generic_wording`].
pub fn generic_wordings(catalogue: &crate::Catalogue) -> std::collections::HashSet<String> {
    catalogue.phrases.iter().map(|p| generic_wording(&p.phrase)).collect()
}

#[cfg(test)]
mod tests {
    use super::{generic_wording, normalize_pattern};

    #[test]
    fn generic_wording_sets_punctuation_aside() {
        assert_eq!(generic_wording(">: User  Unknown"), "user unknown");
        assert_eq!(generic_wording("... Access denied."), "access denied");
        assert_eq!(generic_wording("infected:"), "infected");
        assert_eq!(generic_wording("(#5.1.1)"), "5.1.1");
    }

    #[test]
    fn lone_punctuation_is_one_byte_that_is_no_letter_or_digit() {
        assert!(super::is_lone_punctuation(" - "));
        assert!(!super::is_lone_punctuation("x"));
        assert!(!super::is_lone_punctuation("#5"));
    }

    #[test]
    fn folds_case_space_and_quotes() {
        assert_eq!(normalize_pattern("  We\u{2019}re   NOT\table\r\n"), "we're not able");
        assert_eq!(normalize_pattern("Ünïcode STAYS"), "Ünïcode stays");
    }
}
