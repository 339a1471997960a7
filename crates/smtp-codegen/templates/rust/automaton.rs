// {{ marker }}
// catalogue version {{ version }}
//! The Aho-Corasick automaton over every fragment, token, marker and phrase, built at codegen time
//! (docs/parsing.md, section 6). State 0 is the root.

/// Kinds of pattern (0 is a vendor fragment).
pub const TOKEN: u8 = 1;
pub const MARKER: u8 = 2;
pub const PHRASE: u8 = 3;
pub const COMMAND: u8 = 4;

/// Per pattern: (kind, boundary flags, length in bytes, vendor or phrase index, entry index).
pub static PATTERNS: &[(u8, u8, u32, u32, u32)] = &[
{%- for line in patterns %}
    {{ line }}
{%- endfor %}
];

/// Root transitions for every byte.
pub static ROOT: [u32; 256] = [
{%- for line in root %}
    {{ line }}
{%- endfor %}
];

/// States `1..=DENSE_STATES` (one byte below the root) have complete rows here: `DENSE[(state - 1) * 256 + byte]`.
pub const DENSE_STATES: usize = {{ dense_states }};

pub static DENSE: &[u32] = &[
{%- for line in dense %}
    {{ line }}
{%- endfor %}
];

pub static EDGE_START: &[u32] = &[
{%- for line in edge_start %}
    {{ line }}
{%- endfor %}
];

pub static EDGE_BYTE: &[u8] = &[
{%- for line in edge_byte %}
    {{ line }}
{%- endfor %}
];

pub static EDGE_NEXT: &[u32] = &[
{%- for line in edge_next %}
    {{ line }}
{%- endfor %}
];

pub static FAIL: &[u32] = &[
{%- for line in fail %}
    {{ line }}
{%- endfor %}
];

pub static OUT_START: &[u32] = &[
{%- for line in out_start %}
    {{ line }}
{%- endfor %}
];

pub static OUT_PATTERN: &[u32] = &[
{%- for line in out_pattern %}
    {{ line }}
{%- endfor %}
];

pub static DICT: &[u32] = &[
{%- for line in dict %}
    {{ line }}
{%- endfor %}
];

/// Command phrases, in priority order: (phrase, command).
pub static COMMANDS: &[(&str, &str)] = &[
{%- for line in commands %}
    {{ line }}
{%- endfor %}
];

/// Generic phrases: (phrase, reason).
pub static PHRASES: &[(&str, &str)] = &[
{%- for line in phrases %}
    {{ line }}
{%- endfor %}
];
