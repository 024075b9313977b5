from brokers.datetimes.date_time_broker import DateTimeBroker, SystemDateTimeBroker

__all__ = ["DateTimeBroker", "SystemDateTimeBroker"]
