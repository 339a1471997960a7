//! One invalid catalogue per validation rule (tests/invalid/*.yaml, each saying what is wrong on its first line);
//! the diagnostics each produces are snapshotted.

use smtp_catalogue::{parse_and_validate, render_all};

#[test]
fn every_invalid_fixture_is_rejected_with_located_diagnostics() {
    insta::glob!("invalid/*.yaml", |path| {
        let bytes = std::fs::read(path).expect("fixture");
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?");
        let diagnostics = match parse_and_validate(&bytes) {
            Ok(_) => panic!("{name} should be invalid"),
            Err(diagnostics) => diagnostics,
        };
        assert!(diagnostics.iter().all(|d| d.line >= 1 && d.column >= 1), "{name}: positions are 1-based");
        let description = String::from_utf8_lossy(&bytes).lines().next().unwrap_or("").to_string();
        insta::with_settings!({ description => description, omit_expression => true }, {
            insta::assert_snapshot!(render_all(name, &diagnostics));
        });
    });
}

#[test]
fn the_fixture_catalogue_is_valid() {
    let bytes = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/../smtp-codegen/tests/fixtures/mini.yaml"));
    let result = parse_and_validate(&bytes.expect("fixture"));
    assert!(result.is_ok(), "{:?}", result.err());
}
