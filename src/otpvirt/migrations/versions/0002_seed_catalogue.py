"""Seed the catalogue of the OTP-virt API: countries, operators, services.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# name, title, calling code, ISO 3166 alpha-2, sms-activate country id, providers
COUNTRIES = [
    ("tajikistan", "Tajikistan", 992, "TJ", 143, ["indigo"]),
    ("iran", "Iran", 98, "IR", 57, ["mci"]),
    ("libyan", "Libya", 218, "LY", 102, ["any"]),
    ("afghanistan", "Afghanistan", 93, "AF", 74, ["roshan"]),
    ("latvia", "Latvia", 371, "LV", 49, ["xomobile"]),
    ("serbia", "Serbia", 381, "RS", 29, ["mts"]),
    ("laos", "Laos", 856, "LA", 25, ["any"]),
]

PROVIDER_TITLES = {
    "indigo": "Indigo (Tcell)",
    "mci": "MCI (Hamrah-e Aval)",
    "any": "Any operator",
    "roshan": "Roshan",
    "xomobile": "XO Mobile",
    "mts": "mts",
}

# The service codes of the API's price list (sms-activate's codes).
SERVICES = [
    ("wa", "WhatsApp"),
    ("hw", "Alipay / Alibaba / 1688"),
    ("mb", "Yahoo"),
    ("vi", "Viber"),
    ("fb", "Facebook"),
    ("go", "Google, YouTube, Gmail"),
    ("ma", "Mail.ru"),
    ("wb", "WeChat"),
    ("tg", "Telegram"),
    ("ig", "Instagram"),
    ("vk", "VK"),
    ("wx", "Apple"),
    ("wv", "Amasia"),
]

countries = sa.table(
    "countries",
    sa.column("id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("title", sa.String),
    sa.column("calling_code", sa.Integer),
    sa.column("iso2", sa.String),
    sa.column("smsactivate_id", sa.Integer),
)
providers = sa.table(
    "providers",
    sa.column("country_id", sa.Integer),
    sa.column("name", sa.String),
    sa.column("title", sa.String),
)
services = sa.table("services", sa.column("code", sa.String), sa.column("name", sa.String))


def upgrade() -> None:
    conn = op.get_bind()
    for name, title, calling, iso2, sa_id, provs in COUNTRIES:
        country_id = conn.execute(
            countries.insert()
            .values(name=name, title=title, calling_code=calling, iso2=iso2, smsactivate_id=sa_id)
            .returning(countries.c.id)
        ).scalar_one()
        for prov in provs:
            conn.execute(
                providers.insert().values(
                    country_id=country_id, name=prov, title=PROVIDER_TITLES.get(prov, prov)
                )
            )
    conn.execute(services.insert(), [{"code": c, "name": n} for c, n in SERVICES])


def downgrade() -> None:
    conn = op.get_bind()
    names = [c[0] for c in COUNTRIES]
    ids = sa.select(countries.c.id).where(countries.c.name.in_(names))
    conn.execute(providers.delete().where(providers.c.country_id.in_(ids)))
    conn.execute(countries.delete().where(countries.c.name.in_(names)))
    conn.execute(services.delete().where(services.c.code.in_([s[0] for s in SERVICES])))
