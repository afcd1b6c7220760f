"""The kinds of source, and which of them are on-demand suppliers (a leaf module).

Sources own these names; `supply` builds on sources, so sources never import it.
"""

from __future__ import annotations

SMSHUB = "smshub"
UPSTREAM = "upstream"
KINDS = ("gateway", "android", "gammu", "simulator", "smpp", "jasmin", SMSHUB, UPSTREAM)
# Asked at GetNumber time rather than holding numbers in our pool.
SUPPLIER_KINDS = (SMSHUB, UPSTREAM)
DEFAULT_PRIORITY = 100  # suppliers are asked lowest priority first
