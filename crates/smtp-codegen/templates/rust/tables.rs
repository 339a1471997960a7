// {{ marker }}
// catalogue version {{ version }}
//! The catalogue as sorted static tables: basic codes by code, enhanced codes by (subject, detail), reasons and
//! vendors by id, vendor entries in priority order.

use crate::info::*;
use crate::EnhancedCode;

pub static REASONS: &[ReasonInfo] = &[
{%- for row in reasons %}
    {{ row }}
{%- endfor %}
];

pub static BASIC: &[BasicInfo] = &[
{%- for row in basic %}
    {{ row }}
{%- endfor %}
];

pub static ENHANCED: &[EnhancedInfo] = &[
{%- for row in enhanced %}
    {{ row }}
{%- endfor %}
];

pub static VENDORS: &[VendorInfo] = &[
{%- for vendor in vendors %}
    {{ vendor.head }}
{%- for row in vendor.entries %}
        {{ row }}
{%- endfor %}
    {{ vendor.tail }}
{%- endfor %}
];
