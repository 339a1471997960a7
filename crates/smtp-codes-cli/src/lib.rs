//! The project README, compiled so its Rust examples are tested with the generated crate.
#![doc = include_str!("../../../README.md")]
