"""Long-poll GetSms: hold a request until its activation's SMS arrives (API-extensions §5).

`hub.py` keeps the waiters of this process and one watch per process for SMS
stored anywhere (SQLite: `PRAGMA data_version` and an SMS id cursor; PostgreSQL:
LISTEN/NOTIFY); `service.py` is what GetSms calls; `repository.py` its SQL.
"""
