"""``CULDESAC_AMQP_URL`` names one RabbitMQ node or a cluster's nodes, comma-separated."""

from __future__ import annotations

import pytest

from hosting.settings import SettingsError, load_settings


def test_should_take_every_node_of_a_cluster() -> None:
    urls = "amqp://u:p@rabbit-1:5672/,amqp://u:p@rabbit-2:5672/,amqps://u:p@rabbit-3:5671/"

    assert load_settings(amqp_url=urls).amqp_url == urls


def test_should_refuse_a_cluster_with_a_node_that_is_not_amqp() -> None:
    with pytest.raises(SettingsError, match="CULDESAC_AMQP_URL"):
        load_settings(amqp_url="amqp://rabbit-1/,http://rabbit-2/")
