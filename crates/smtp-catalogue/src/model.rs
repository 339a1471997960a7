//! The catalogue as written in `catalogue.yaml`, field for field.
//!
//! Every struct denies unknown fields so a typo in a key is an error, not a silently ignored line.

use serde::{Deserialize, Serialize};

/// The whole catalogue.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub version: String,
    pub sources: Vec<Source>,
    pub reasons: Vec<Reason>,
    pub classes: Vec<Class>,
    pub subjects: Vec<Subject>,
    pub basic: Vec<Basic>,
    pub enhanced: Vec<Enhanced>,
    pub vendors: Vec<Vendor>,
    #[serde(default)]
    pub phrases: Vec<Phrase>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
    pub kind: SourceKind,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    Rfc,
    Registry,
    VendorDoc,
    Code,
    Sample,
    WebList,
    ThirdParty,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Reason {
    pub id: String,
    pub meaning: String,
    pub bounce: Bounce,
    /// The retry this reason implies on its own, for replies that carry no code (docs/parsing.md, section 7);
    /// none when the reason happens both ways.
    #[serde(default)]
    pub retry: Option<Retry>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Class {
    pub class: u8,
    pub title: String,
    pub meaning: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Subject {
    pub subject: u16,
    pub title: String,
    pub meaning: String,
    pub sources: Vec<String>,
}

/// A 3-digit reply code.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Basic {
    pub code: u16,
    pub name: String,
    pub status: Status,
    pub text: Option<String>,
    pub meaning: String,
    pub action: String,
    #[serde(default)]
    pub retry: Option<Retry>,
    #[serde(default)]
    pub retry_note: Option<String>,
    #[serde(default)]
    pub reason: Option<String>,
    #[serde(default)]
    pub commands: Vec<Command>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub provenance: Option<String>,
    #[serde(default)]
    pub conflicts: Vec<Conflict>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Standard,
    Experimental,
    RegistryOnly,
    Nonstandard,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Standard => "standard",
            Status::Experimental => "experimental",
            Status::RegistryOnly => "registry_only",
            Status::Nonstandard => "nonstandard",
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Retry {
    Transient,
    Permanent,
}

impl Retry {
    pub fn as_str(self) -> &'static str {
        match self {
            Retry::Transient => "transient",
            Retry::Permanent => "permanent",
        }
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Bounce {
    Hard,
    Soft,
}

impl Bounce {
    pub fn as_str(self) -> &'static str {
        match self {
            Bounce::Hard => "hard",
            Bounce::Soft => "soft",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Command {
    pub command: String,
    #[serde(default)]
    pub meaning: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Conflict {
    pub meaning: String,
    pub sources: Vec<String>,
}

/// An IANA enhanced status code, written `X.subject.detail`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Enhanced {
    pub code: String,
    pub name: String,
    pub title: String,
    pub classes: Vec<u8>,
    pub meaning: String,
    pub action: String,
    pub reason: String,
    #[serde(default)]
    pub basic: Vec<u16>,
    #[serde(default)]
    pub deprecated: bool,
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Vendor {
    pub id: String,
    pub name: String,
    pub kind: VendorKind,
    #[serde(default)]
    pub markers: Vec<String>,
    pub sources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
    pub entries: Vec<Entry>,
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum VendorKind {
    MailboxProvider,
    Mta,
    Gateway,
    Esp,
    Blocklist,
}

impl VendorKind {
    pub fn as_str(self) -> &'static str {
        match self {
            VendorKind::MailboxProvider => "mailbox_provider",
            VendorKind::Mta => "mta",
            VendorKind::Gateway => "gateway",
            VendorKind::Esp => "esp",
            VendorKind::Blocklist => "blocklist",
        }
    }
}

/// One vendor-specific reply: what selects it on the wire and what it means.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub id: String,
    #[serde(default)]
    pub fragment: Option<String>,
    #[serde(default)]
    pub variants: Vec<String>,
    #[serde(default)]
    pub token: Option<String>,
    #[serde(default)]
    pub token_variants: Vec<String>,
    #[serde(default)]
    pub range: Option<[u32; 2]>,
    #[serde(default)]
    pub basic: Vec<u16>,
    #[serde(default)]
    pub enhanced: Vec<String>,
    pub meaning: String,
    pub action: String,
    pub retry: Retry,
    pub bounce: Bounce,
    pub reason: String,
    pub confidence: Confidence,
    pub sources: Vec<String>,
    #[serde(default)]
    pub overrides: Option<String>,
    #[serde(default)]
    pub legacy: bool,
    #[serde(default)]
    pub first_seen: Option<String>,
    #[serde(default)]
    pub retired: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
}

impl Entry {
    /// The fragment and its variants, in catalogue order.
    pub fn fragments(&self) -> impl Iterator<Item = &str> {
        self.fragment.iter().chain(&self.variants).map(String::as_str)
    }

    /// The token and its variants, in catalogue order.
    pub fn tokens(&self) -> impl Iterator<Item = &str> {
        self.token.iter().chain(&self.token_variants).map(String::as_str)
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    Documented,
    Observed,
    Derived,
    Folklore,
}

impl Confidence {
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Documented => "documented",
            Confidence::Observed => "observed",
            Confidence::Derived => "derived",
            Confidence::Folklore => "folklore",
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Phrase {
    pub phrase: String,
    pub reason: String,
}

/// An enhanced code as it appears on the wire: `class.subject.detail`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EnhancedCode {
    pub class: u8,
    pub subject: u16,
    pub detail: u16,
}

impl EnhancedCode {
    /// Parses `5.7.26`; `class_wildcard` also accepts the registry's `X` in the class position (class 0).
    pub fn parse(text: &str, class_wildcard: bool) -> Option<EnhancedCode> {
        let mut parts = text.split('.');
        let (class, subject, detail) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let class = match class {
            "X" if class_wildcard => 0,
            "2" => 2,
            "4" => 4,
            "5" => 5,
            _ => return None,
        };
        Some(EnhancedCode { class, subject: number(subject)?, detail: number(detail)? })
    }
}

impl std::fmt::Display for EnhancedCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.class {
            0 => write!(f, "X.{}.{}", self.subject, self.detail),
            class => write!(f, "{}.{}.{}", class, self.subject, self.detail),
        }
    }
}

/// 1 to 3 ASCII digits without a leading zero (RFC 3463 section 2).
fn number(text: &str) -> Option<u16> {
    let ok = (1..=3).contains(&text.len())
        && text.bytes().all(|b| b.is_ascii_digit())
        && !(text.len() > 1 && text.starts_with('0'));
    if ok {
        text.parse().ok()
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::EnhancedCode;

    #[test]
    fn enhanced_code_grammar() {
        let parsed = EnhancedCode::parse("5.7.26", false).map(|c| c.to_string());
        assert_eq!(parsed.as_deref(), Some("5.7.26"));
        assert_eq!(EnhancedCode::parse("X.1.10", true).map(|c| c.detail), Some(10));
        for bad in ["X.1.1", "3.1.1", "5.01.1", "5.1", "5.1.1.1", "5.1.1000", "5..1", "5.a.1", ""] {
            assert_eq!(EnhancedCode::parse(bad, false), None, "{bad}");
        }
    }
}
