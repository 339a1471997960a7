// {{ marker }}
// catalogue version {{ version }}
//! One constant per catalogue code.

use crate::{EnhancedCode, ReplyCode};

impl ReplyCode {
{%- for c in replies %}
{%- for line in c.docs %}
    ///{% if !line.is_empty() %} {{ line }}{% endif %}
{%- endfor %}
    pub const {{ c.name }}: ReplyCode = {{ c.value }};
{%- endfor %}
}

impl EnhancedCode {
{%- for c in enhanced %}
{%- for line in c.docs %}
    ///{% if !line.is_empty() %} {{ line }}{% endif %}
{%- endfor %}
    pub const {{ c.name }}: EnhancedCode = {{ c.value }};
{%- endfor %}
}
