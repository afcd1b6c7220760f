"""The OTP-virt native API (`POST /native/<Method>`), exactly as ../shared/API.md."""
