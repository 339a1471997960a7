//! Every emitter on the small fixture catalogue: snapshots of every file, the marker, and determinism.

use smtp_catalogue::{parse_and_validate, Catalogue};
use smtp_codegen::{emit_all, GeneratedFile, MARKER};

fn fixture() -> Catalogue {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/mini.yaml")).expect("fixture");
    match parse_and_validate(&bytes) {
        Ok(catalogue) => catalogue,
        Err(diagnostics) => panic!("fixture is invalid: {diagnostics:?}"),
    }
}

fn render(catalogue: &Catalogue) -> Vec<GeneratedFile> {
    emit_all(catalogue).expect("fixture renders")
}

#[test]
fn snapshot_every_generated_file() {
    for file in render(&fixture()) {
        let name = file.path.replace('/', "__");
        insta::with_settings!({ snapshot_suffix => name, omit_expression => true, prepend_module_to_snapshot => false }, {
            insta::assert_snapshot!("emit", file.contents);
        });
    }
}

#[test]
fn every_file_starts_with_the_marker_and_ends_cleanly() {
    for file in render(&fixture()) {
        let head: String = file.contents.lines().take(2).collect::<Vec<_>>().join("\n");
        assert!(head.contains(MARKER), "{} lacks the marker in its first lines", file.path);
        assert!(
            file.contents.ends_with('\n') && !file.contents.ends_with("\n\n"),
            "{} must end in one newline",
            file.path
        );
        assert!(!file.contents.contains('\r'), "{} has a carriage return", file.path);
        let trailing = file.contents.lines().position(|l| l.ends_with(' ') || l.ends_with('\t'));
        assert_eq!(trailing, None, "{} has trailing white space on a line", file.path);
    }
}

#[test]
fn output_is_deterministic() {
    assert_eq!(render(&fixture()), render(&fixture()));
}

#[test]
fn output_does_not_depend_on_input_order() {
    let mut shuffled = fixture();
    shuffled.sources.reverse();
    shuffled.reasons.reverse();
    shuffled.classes.reverse();
    shuffled.subjects.reverse();
    shuffled.basic.reverse();
    shuffled.enhanced.reverse();
    shuffled.vendors.reverse();
    shuffled.phrases.reverse();
    assert_eq!(render(&shuffled), render(&fixture()));
}
