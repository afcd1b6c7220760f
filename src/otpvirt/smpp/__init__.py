"""SMPP: receiving SMS from SMSCs and GSM gateways."""
