"""The batching settings: on by default, and a prefetch that can hold a whole batch."""

from __future__ import annotations

import pytest

from hosting.settings import SettingsError, load_settings


def test_should_batch_by_default_with_a_prefetch_that_holds_a_batch(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given
    for variable in ("CULDESAC_PREFETCH", "CULDESAC_BATCH_SIZE", "CULDESAC_BATCH_LINGER_MS"):
        monkeypatch.delenv(variable, raising=False)

    # when
    settings = load_settings()

    # then
    assert settings.batch_size == 100
    assert settings.batch_linger_ms == 5.0
    assert settings.prefetch >= settings.batch_size


def test_should_read_the_batching_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    # given
    monkeypatch.setenv("CULDESAC_PREFETCH", "64")
    monkeypatch.setenv("CULDESAC_BATCH_SIZE", "1")
    monkeypatch.setenv("CULDESAC_BATCH_LINGER_MS", "0")

    # when
    settings = load_settings()

    # then
    assert (settings.prefetch, settings.batch_size, settings.batch_linger_ms) == (64, 1, 0.0)


def test_should_refuse_a_prefetch_below_the_batch_size_naming_both(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # given
    monkeypatch.setenv("CULDESAC_PREFETCH", "32")
    monkeypatch.setenv("CULDESAC_BATCH_SIZE", "100")

    # when
    with pytest.raises(SettingsError) as raised:
        load_settings()

    # then
    assert str(raised.value) == (
        "invalid settings: CULDESAC_PREFETCH (32) must be at least CULDESAC_BATCH_SIZE (100)"
    )
