"""ORM models: the schema the migrations build."""

from otpvirt.models.activation import Activation, SmsMessage
from otpvirt.models.base import Base
from otpvirt.models.catalogue import Country, Price, Provider, Service
from otpvirt.models.client import Client, LedgerEntry
from otpvirt.models.inventory import Number, NumberService, SimulatedSms, Source
from otpvirt.models.system import SystemValue
from otpvirt.models.webhook import WebhookAttempt, WebhookDelivery

metadata = Base.metadata

__all__ = [
    "Activation",
    "Base",
    "Client",
    "Country",
    "LedgerEntry",
    "Number",
    "NumberService",
    "Price",
    "Provider",
    "Service",
    "SimulatedSms",
    "SmsMessage",
    "Source",
    "SystemValue",
    "WebhookAttempt",
    "WebhookDelivery",
    "metadata",
]
