// {{ marker }}
// catalogue version {{ version }}
//! SMTP status codes: basic reply codes (RFC 5321 and its extensions), IANA enhanced status codes (RFC 3463,
//! RFC 5248) and vendor-specific replies, with what each means and what a sender should do.
//!
//! ```
//! use smtp_codes::{EnhancedCode, ReplyCode, Retry};
//!
//! let code = ReplyCode::from_u16(550).unwrap();
//! assert_eq!(code, ReplyCode::MAILBOX_UNAVAILABLE);
//! let info = code.info().unwrap();
//! assert_eq!(info.retry, Some(Retry::Permanent));
//!
//! let enhanced: EnhancedCode = "5.7.26".parse().unwrap();
//! assert_eq!(enhanced.to_string(), "5.7.26");
//! assert!(enhanced.info().is_some());
//! ```
//!
//! Codes the catalogue does not list are still valid values: `ReplyCode::from_u16(599)` works and its `info()` is
//! `None`. [`parse`] reads a reply, a log line or a DSN field; [`classify`] says whether to retry, whether to
//! suppress the address, why, and which vendor said so (see `docs/parsing.md` in the project for the contract).
//!
//! The crate is `no_std` (it uses `alloc`), has no dependencies and no unsafe code.

#![no_std]
#![forbid(unsafe_code)]
#![warn(missing_docs)]

extern crate alloc;

#[rustfmt::skip]
mod automaton;
mod classify;
#[rustfmt::skip]
mod codes;
mod enhanced;
mod info;
mod parse;
mod reply;
#[rustfmt::skip]
mod tables;

pub use classify::{classify, Classification, Classifier};
pub use parse::{parse, Reply};

pub use enhanced::{EnhancedClass, EnhancedCode, ParseEnhancedCodeError};
pub use info::{
    BasicInfo, Bounce, Command, Confidence, EnhancedInfo, EntryInfo, ReasonInfo, Retry, Status, VendorInfo, VendorKind,
};
pub use reply::{Category, InvalidReplyCode, ReplyCode, Severity};

/// The version of the catalogue this crate was generated from.
pub const VERSION: &str = "{{ version }}";

/// Every basic reply code of the catalogue, sorted by code.
pub fn basic_codes() -> &'static [BasicInfo] {
    tables::BASIC
}

/// Every registry enhanced status code, sorted by subject then detail.
pub fn enhanced_codes() -> &'static [EnhancedInfo] {
    tables::ENHANCED
}

/// Every reason of the vocabulary, sorted by id.
pub fn reasons() -> &'static [ReasonInfo] {
    tables::REASONS
}

/// Every vendor, sorted by id.
pub fn vendors() -> &'static [VendorInfo] {
    tables::VENDORS
}

/// The reason with this id (`userunknown`, `mailboxfull`, ...).
///
/// ```
/// assert!(smtp_codes::reason("userunknown").is_some());
/// assert!(smtp_codes::reason("no-such-reason").is_none());
/// ```
pub fn reason(id: &str) -> Option<&'static ReasonInfo> {
    tables::REASONS.binary_search_by(|r| r.id.cmp(id)).ok().map(|i| &tables::REASONS[i])
}

/// The vendor with this id.
pub fn vendor(id: &str) -> Option<&'static VendorInfo> {
    tables::VENDORS.binary_search_by(|v| v.id.cmp(id)).ok().map(|i| &tables::VENDORS[i])
}

/// The entry `entry_id` of vendor `vendor_id`.
pub fn vendor_entry(vendor_id: &str, entry_id: &str) -> Option<&'static EntryInfo> {
    vendor(vendor_id)?.entries.iter().find(|e| e.id == entry_id)
}
