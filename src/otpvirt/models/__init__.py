"""ORM models: the schema the migrations build."""

from otpvirt.models.activation import Activation, SmsMessage
from otpvirt.models.admin import AdminToken, AdminUser, AuditEntry
from otpvirt.models.base import Base
from otpvirt.models.catalogue import Country, Price, Provider, Service
from otpvirt.models.client import Client, LedgerEntry
from otpvirt.models.inventory import Number, NumberService, SimulatedSms, Source
from otpvirt.models.rental import Rental, RentPrice
from otpvirt.models.security import AuthFailure, RateLimit, WebSession
from otpvirt.models.supply import SmppPart, SupplierOrder, SupplierStock, UpstreamRental
from otpvirt.models.system import SystemValue
from otpvirt.models.webhook import WebhookAttempt, WebhookDelivery

metadata = Base.metadata

__all__ = [
    "Activation",
    "AdminToken",
    "AdminUser",
    "AuditEntry",
    "AuthFailure",
    "Base",
    "Client",
    "Country",
    "LedgerEntry",
    "Number",
    "NumberService",
    "Price",
    "Provider",
    "RateLimit",
    "RentPrice",
    "Rental",
    "Service",
    "SimulatedSms",
    "SmppPart",
    "SmsMessage",
    "Source",
    "SupplierOrder",
    "SupplierStock",
    "SystemValue",
    "UpstreamRental",
    "WebSession",
    "WebhookAttempt",
    "WebhookDelivery",
    "metadata",
]
