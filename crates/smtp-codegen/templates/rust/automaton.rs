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

/// The integer type of state numbers: the smallest that holds them all.
pub type State = {{ state_ty }};

/// The class of every byte. Bytes that lead to the same states share a class, and an ASCII capital shares its small
/// letter's class (patterns are lowercase), so the matching text need not be lowercased. Class 0: bytes no pattern
/// holds.
pub static CLASS: [u8; 256] = [
{%- for line in class %}
    {{ line }}
{%- endfor %}
];

pub const CLASSES: usize = {{ class_count }};

/// States `0..ROW_STATES`, those at most {{ row_depth }} bytes below the root (numbered breadth-first), have complete rows, failure links
/// already followed: `ROWS[state * CLASSES + class]`. Deeper states have sparse edges and a failure link.
pub const ROW_STATES: usize = {{ row_states }};

pub static ROWS: &[State] = &[
{%- for line in rows %}
    {{ line }}
{%- endfor %}
];

/// For deep states: the class of the edge to the next state (their first child), else 255, which no byte has. Deep subtrees are numbered
/// depth-first, so following a pattern reads one byte of this table per step.
pub static NEXT_CLASS: &[u8] = &[
{%- for line in next_class %}
    {{ line }}
{%- endfor %}
];

/// The edges of state `s` are `EDGE_CLASS`/`EDGE_NEXT[EDGE_START[s]..EDGE_START[s + 1]]`.
pub static EDGE_START: &[{{ edge_start_ty }}] = &[
{%- for line in edge_start %}
    {{ line }}
{%- endfor %}
];

pub static EDGE_CLASS: &[u8] = &[
{%- for line in edge_class %}
    {{ line }}
{%- endfor %}
];

pub static EDGE_NEXT: &[State] = &[
{%- for line in edge_next %}
    {{ line }}
{%- endfor %}
];

pub static FAIL: &[State] = &[
{%- for line in fail %}
    {{ line }}
{%- endfor %}
];

/// Bit `s % 8` of byte `s / 8`: state `s` ends a pattern, itself or along its dictionary links. Most states do not,
/// so the matching loop tests this small table before anything else.
pub static HAS_OUTPUT: &[u8] = &[
{%- for line in has_output %}
    {{ line }}
{%- endfor %}
];

/// The patterns ending at state `s` are `OUT_PATTERN[OUT_START[s]..OUT_START[s + 1]]`.
pub static OUT_START: &[{{ out_start_ty }}] = &[
{%- for line in out_start %}
    {{ line }}
{%- endfor %}
];

pub static OUT_PATTERN: &[{{ out_pattern_ty }}] = &[
{%- for line in out_pattern %}
    {{ line }}
{%- endfor %}
];

/// The nearest state on the failure chain that has patterns of its own (0 = none).
pub static DICT: &[State] = &[
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
