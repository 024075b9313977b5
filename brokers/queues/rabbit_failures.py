"""What went wrong with RabbitMQ, in the project's words rather than the driver's.

aio-pika's and aiormq's messages hold reprs of protocol frames, object addresses and whatever
text the server sent back; none of it belongs in an error a user reads or a log line. A failure
is named by its type, the AMQP reply code when the server gave one, and the operating system's
error name when the socket failed.
"""

from __future__ import annotations

import errno

# AMQP reply codes: 3xx for success and 4xx-5xx for the soft and hard errors.
_REPLY_CODES = range(300, 600)


def failure_summary(error: BaseException) -> str:
    """``ProbableAuthenticationError (reply 403)``, ``ConnectionRefusedError (ECONNREFUSED)``."""
    details = [
        *(f"reply {code}" for code in _reply_codes(error)),
        *_os_error_names(error),
    ]
    name = type(error).__name__
    return f"{name} ({', '.join(details)})" if details else name


def _reply_codes(error: BaseException) -> list[int]:
    codes: list[int] = []
    for argument in error.args:
        code = argument if _is_code(argument) else getattr(argument, "reply_code", None)
        if isinstance(code, int) and _is_code(code) and code not in codes:
            codes.append(code)
    return codes


def _is_code(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value in _REPLY_CODES


def _os_error_names(error: BaseException) -> list[str]:
    if isinstance(error, OSError) and error.errno is not None:
        name = errno.errorcode.get(error.errno)
        return [name] if name else []
    return []
