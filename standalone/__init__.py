"""The whole product in one process, and the registrations to feed it (the demo, the benchmarks)."""
