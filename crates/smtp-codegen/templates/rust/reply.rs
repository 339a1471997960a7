// {{ marker }}
// catalogue version {{ version }}
//! The basic reply code type.

use crate::info::BasicInfo;
use core::fmt;
use core::str::FromStr;

/// A 3-digit SMTP reply code, any value from 100 to 999.
///
/// Like `http::StatusCode`, the set is open: servers send codes no list names, and those are still valid values.
/// Each catalogue code has an associated constant.
///
/// ```
/// use smtp_codes::{ReplyCode, Severity};
///
/// let code: ReplyCode = "421".parse().unwrap();
/// assert_eq!(code.severity(), Severity::TransientNegative);
/// assert!(code.is_transient());
/// assert_eq!(u16::from(ReplyCode::MAILBOX_UNAVAILABLE), 550);
/// assert!(ReplyCode::try_from(1000).is_err());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReplyCode(pub(crate) u16);

/// The first digit of a reply code (RFC 5321 section 4.2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Severity {
    /// 2yz: the requested action was completed.
    PositiveCompletion,
    /// 3yz: accepted, more information is needed.
    PositiveIntermediate,
    /// 4yz: not accepted for now; the same request may succeed later.
    TransientNegative,
    /// 5yz: not accepted; do not repeat the same request.
    PermanentNegative,
    /// Any other first digit (only nonstandard codes have one).
    Other,
}

/// The second digit of a reply code (RFC 5321 section 4.2.1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Category {
    /// x0z: syntax errors and unimplemented commands.
    Syntax,
    /// x1z: replies to requests for information.
    Information,
    /// x2z: the transmission channel.
    Connections,
    /// x3z and x4z: not specified.
    Unspecified,
    /// x5z: the state of the mail system.
    MailSystem,
    /// Any other second digit (only nonstandard codes have one).
    Other,
}

/// The error for a number or text that is not a 3-digit reply code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InvalidReplyCode {
    _private: (),
}

impl fmt::Display for InvalidReplyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("invalid reply code: expected three digits from 100 to 999")
    }
}

impl ReplyCode {
    /// The code for `value`, when it has three digits.
    pub const fn from_u16(value: u16) -> Option<ReplyCode> {
        if value >= 100 && value <= 999 {
            Some(ReplyCode(value))
        } else {
            None
        }
    }

    /// The numeric value.
    pub const fn as_u16(self) -> u16 {
        self.0
    }

    /// The catalogue's facts about this code, or `None` for a code it does not list.
    pub fn info(self) -> Option<&'static BasicInfo> {
        let table = crate::tables::BASIC;
        table.binary_search_by_key(&self.0, |b| b.code).ok().map(|i| &table[i])
    }

    /// The stable name of a catalogue code (the constant's name).
    pub fn name(self) -> Option<&'static str> {
        self.info().map(|i| i.name)
    }

    /// What the first digit says.
    pub const fn severity(self) -> Severity {
        match self.0 / 100 {
            2 => Severity::PositiveCompletion,
            3 => Severity::PositiveIntermediate,
            4 => Severity::TransientNegative,
            5 => Severity::PermanentNegative,
            _ => Severity::Other,
        }
    }

    /// What the second digit says.
    pub const fn category(self) -> Category {
        match (self.0 / 10) % 10 {
            0 => Category::Syntax,
            1 => Category::Information,
            2 => Category::Connections,
            3 | 4 => Category::Unspecified,
            5 => Category::MailSystem,
            _ => Category::Other,
        }
    }

    /// 2yz or 3yz.
    pub const fn is_positive(self) -> bool {
        matches!(self.severity(), Severity::PositiveCompletion | Severity::PositiveIntermediate)
    }

    /// 4yz: the same request may succeed later.
    pub const fn is_transient(self) -> bool {
        matches!(self.severity(), Severity::TransientNegative)
    }

    /// 5yz: the same request will fail again.
    pub const fn is_permanent(self) -> bool {
        matches!(self.severity(), Severity::PermanentNegative)
    }
}

impl fmt::Debug for ReplyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.name() {
            Some(name) => write!(f, "ReplyCode({} {name})", self.0),
            None => write!(f, "ReplyCode({})", self.0),
        }
    }
}

/// Writes the three digits.
impl fmt::Display for ReplyCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl FromStr for ReplyCode {
    type Err = InvalidReplyCode;

    fn from_str(text: &str) -> Result<ReplyCode, InvalidReplyCode> {
        let bytes = text.as_bytes();
        if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_digit) {
            return Err(InvalidReplyCode { _private: () });
        }
        let value = bytes.iter().fold(0u16, |n, b| n * 10 + u16::from(b - b'0'));
        ReplyCode::from_u16(value).ok_or(InvalidReplyCode { _private: () })
    }
}

impl TryFrom<u16> for ReplyCode {
    type Error = InvalidReplyCode;

    fn try_from(value: u16) -> Result<ReplyCode, InvalidReplyCode> {
        ReplyCode::from_u16(value).ok_or(InvalidReplyCode { _private: () })
    }
}

impl From<ReplyCode> for u16 {
    fn from(code: ReplyCode) -> u16 {
        code.0
    }
}

impl PartialEq<u16> for ReplyCode {
    fn eq(&self, other: &u16) -> bool {
        self.0 == *other
    }
}

impl PartialEq<ReplyCode> for u16 {
    fn eq(&self, other: &ReplyCode) -> bool {
        *self == other.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_catalogue_code_round_trips() {
        for info in crate::tables::BASIC {
            let code = ReplyCode::from_u16(info.code).expect("catalogue codes have three digits");
            assert_eq!(code.info(), Some(info));
            let mut buffer = [0u8; 3];
            let digits = [info.code / 100, info.code / 10 % 10, info.code % 10];
            for (slot, digit) in buffer.iter_mut().zip(digits) {
                *slot = b'0' + digit as u8;
            }
            let text = core::str::from_utf8(&buffer).expect("ascii digits");
            assert_eq!(text.parse::<ReplyCode>(), Ok(code));
        }
    }

    #[test]
    fn rejects_what_is_not_three_digits() {
        for bad in ["", "55", "5500", "55a", "+55", " 550", "099"] {
            assert!(bad.parse::<ReplyCode>().is_err(), "{bad}");
        }
        assert_eq!(ReplyCode::from_u16(99), None);
        assert_eq!(ReplyCode::from_u16(1000), None);
    }

    #[test]
    fn severity_and_category_come_from_the_digits() {
        let code = ReplyCode(452);
        assert_eq!((code.severity(), code.category()), (Severity::TransientNegative, Category::MailSystem));
        assert_eq!(ReplyCode(500).category(), Category::Syntax);
        assert_eq!(ReplyCode(101).severity(), Severity::Other);
        assert!(ReplyCode(550).is_permanent() && !ReplyCode(550).is_transient() && ReplyCode(354).is_positive());
    }
}
