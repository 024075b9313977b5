"""Generated registration requests: plausible, varied and never colliding on an email."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

FIRST_NAMES = ("Ada", "Alan", "Grace", "Edsger", "Barbara", "Donald", "Frances", "Ken", "Margaret")
LAST_NAMES = ("Lovelace", "Turing", "Hopper", "Dijkstra", "Liskov", "Knuth", "Allen", "Thompson")
VACCINES = ("MMR", "DTaP", "Polio", "Hepatitis B", "Varicella")


def generated_registration(rng: random.Random, index: int) -> dict[str, Any]:
    today = datetime.now(UTC).date()
    first, last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    return {
        "student": {
            "first_name": first,
            "last_name": last,
            "date_of_birth": (today - timedelta(days=rng.randint(5 * 365, 17 * 365))).isoformat(),
            "email": f"{first}.{last}.{index}.{rng.getrandbits(32):08x}@example.com".lower(),
        },
        "guardians": [
            {
                "first_name": rng.choice(FIRST_NAMES),
                "last_name": last,
                "relationship": rng.choice(("mother", "father", "guardian", "other")),
                "phone": f"+4420{rng.randint(70000000, 79999999)}",
            }
            for _ in range(rng.randint(0, 3))
        ],
        "contact": {
            "address_line1": f"{rng.randint(1, 200)} High Street",
            "city": "London",
            "postal_code": "SW1A 1AA",
            "country": "GB",
        },
        "library_card": rng.random() < 0.5,  # noqa: PLR2004 - half of the students ask for one
        "immunizations": [
            {
                "vaccine": rng.choice(VACCINES),
                "dose_number": dose,
                "administered_on": (today - timedelta(days=rng.randint(30, 1500))).isoformat(),
            }
            for dose in range(1, rng.randint(0, 4) + 1)
        ],
    }
