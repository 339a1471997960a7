// {{ marker }}
// catalogue version {{ version }}
//! The facts the catalogue records, as `'static` data.

use crate::EnhancedCode;

/// Where a basic code is defined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// In the reply list of a Standards Track RFC.
    Standard,
    /// Defined only by an Experimental RFC.
    Experimental,
    /// Appears only in the IANA registry's associated basic code column.
    RegistryOnly,
    /// Circulates on web lists without an RFC.
    Nonstandard,
}

impl Status {
    /// The catalogue's spelling: `standard`, `experimental`, `registry_only` or `nonstandard`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Standard => "standard",
            Status::Experimental => "experimental",
            Status::RegistryOnly => "registry_only",
            Status::Nonstandard => "nonstandard",
        }
    }
}

/// May the message be tried again later?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Retry {
    /// A later attempt may succeed.
    Transient,
    /// Retrying the same message will fail again.
    Permanent,
}

impl Retry {
    /// `transient` or `permanent`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Retry::Transient => "transient",
            Retry::Permanent => "permanent",
        }
    }
}

/// Should the address be suppressed?
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bounce {
    /// The address or its domain cannot receive mail.
    Hard,
    /// The address is fine; the failure is about policy, content, capacity or the sender.
    Soft,
}

impl Bounce {
    /// `hard` or `soft`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Bounce::Hard => "hard",
            Bounce::Soft => "soft",
        }
    }
}

/// How well a vendor entry is established.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Confidence {
    /// The vendor's own documentation or source code.
    Documented,
    /// Seen verbatim in real bounces or logs.
    Observed,
    /// From a maintained classifier's pattern tables.
    Derived,
    /// Explained only by third parties.
    Folklore,
}

impl Confidence {
    /// `documented`, `observed`, `derived` or `folklore`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Confidence::Documented => "documented",
            Confidence::Observed => "observed",
            Confidence::Derived => "derived",
            Confidence::Folklore => "folklore",
        }
    }
}

/// What sort of system a vendor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VendorKind {
    /// A mailbox provider (Gmail, Outlook.com, ...).
    MailboxProvider,
    /// Mail server software (Postfix, Exim, ...).
    Mta,
    /// A filtering gateway (Mimecast, Proofpoint, ...).
    Gateway,
    /// An email sending service.
    Esp,
    /// A DNS blocklist named in replies.
    Blocklist,
}

impl VendorKind {
    /// The catalogue's spelling.
    pub const fn as_str(self) -> &'static str {
        match self {
            VendorKind::MailboxProvider => "mailbox_provider",
            VendorKind::Mta => "mta",
            VendorKind::Gateway => "gateway",
            VendorKind::Esp => "esp",
            VendorKind::Blocklist => "blocklist",
        }
    }
}

/// A command a basic code answers, with the code's meaning there when it differs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Command {
    /// The command or stage, such as `RCPT` or `AUTH`.
    pub command: &'static str,
    /// The code's meaning for this command, when it differs from the general one.
    pub meaning: Option<&'static str>,
}

/// The facts about a basic reply code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BasicInfo {
    /// The 3-digit code.
    pub code: u16,
    /// The stable identifier, as the constant is named.
    pub name: &'static str,
    /// Where the code is defined.
    pub status: Status,
    /// The RFC reply text, when an RFC gives one.
    pub text: Option<&'static str>,
    /// What the code means.
    pub meaning: &'static str,
    /// What a sender should do.
    pub action: &'static str,
    /// Whether a retry may succeed; `None` for 2yz and 3yz.
    pub retry: Option<Retry>,
    /// The reason to report when only this code is known.
    pub reason: Option<&'static str>,
    /// The commands the code answers.
    pub commands: &'static [Command],
    /// Source ids.
    pub sources: &'static [&'static str],
}

/// The facts about a registry enhanced status code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EnhancedInfo {
    /// The subject number.
    pub subject: u16,
    /// The detail number.
    pub detail: u16,
    /// The classes (2, 4, 5) the code is used with.
    pub classes: &'static [u8],
    /// The stable identifier (constants add a class prefix).
    pub name: &'static str,
    /// The registry's sample text.
    pub title: &'static str,
    /// What the code means.
    pub meaning: &'static str,
    /// What a sender should do.
    pub action: &'static str,
    /// The reason id.
    pub reason: &'static str,
    /// Associated basic codes.
    pub basic: &'static [u16],
    /// Whether the registry deprecates the code.
    pub deprecated: bool,
    /// Source ids.
    pub sources: &'static [&'static str],
}

/// A reason of the vocabulary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReasonInfo {
    /// The reason id, such as `userunknown`.
    pub id: &'static str,
    /// What it means.
    pub meaning: &'static str,
    /// Whether it makes the bounce hard.
    pub bounce: Bounce,
    /// The retry the reason implies for a reply without codes (`None` when it happens both ways).
    pub retry: Option<Retry>,
}

/// A vendor and its replies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VendorInfo {
    /// The vendor id.
    pub id: &'static str,
    /// The display name.
    pub name: &'static str,
    /// What sort of system it is.
    pub kind: VendorKind,
    /// Text that shows a reply came from this vendor.
    pub markers: &'static [&'static str],
    /// Source ids.
    pub sources: &'static [&'static str],
    /// The vendor's entries, in priority order.
    pub entries: &'static [EntryInfo],
}

/// One vendor-specific reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryInfo {
    /// The vendor id.
    pub vendor: &'static str,
    /// The entry id, unique within the vendor.
    pub id: &'static str,
    /// Wire text that selects the entry.
    pub fragment: Option<&'static str>,
    /// Other wordings that select it.
    pub variants: &'static [&'static str],
    /// Vendor token that selects it.
    pub token: Option<&'static str>,
    /// Other spellings of the token.
    pub token_variants: &'static [&'static str],
    /// Inclusive range of the number right after the token.
    pub range: Option<(u32, u32)>,
    /// Basic codes it is sent with (empty: any).
    pub basic: &'static [u16],
    /// Enhanced codes it is sent with (empty: any).
    pub enhanced: &'static [EnhancedCode],
    /// What the reply means.
    pub meaning: &'static str,
    /// What a sender should do.
    pub action: &'static str,
    /// Whether the message may be retried later.
    pub retry: Retry,
    /// Whether the address should be suppressed.
    pub bounce: Bounce,
    /// The reason id.
    pub reason: &'static str,
    /// How well the entry is established.
    pub confidence: Confidence,
    /// Source ids.
    pub sources: &'static [&'static str],
    /// A registry code the vendor gives another meaning.
    pub overrides: Option<EnhancedCode>,
    /// Whether this is an older format.
    pub legacy: bool,
    /// When it was first seen.
    pub first_seen: Option<&'static str>,
    /// When the vendor stopped sending it.
    pub retired: Option<&'static str>,
}
