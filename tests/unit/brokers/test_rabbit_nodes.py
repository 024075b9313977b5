"""A cluster's node URLs: split, shuffled per process, shown without their password."""

from __future__ import annotations

import random

import pytest

from brokers.queues.rabbit_nodes import node_urls, shuffled, without_password

NODES = ("amqp://u:p@rabbit-1:5672/", "amqp://u:p@rabbit-2:5672/", "amqp://u:p@rabbit-3:5672/")


def test_should_split_comma_separated_nodes_in_their_order() -> None:
    assert node_urls(" , ".join(NODES) + ",") == NODES


def test_should_take_one_url_as_one_node() -> None:
    assert node_urls(NODES[0]) == (NODES[0],)


def test_should_refuse_a_list_without_any_node() -> None:
    with pytest.raises(ValueError, match="no RabbitMQ URL"):
        node_urls(" , ")


def test_should_shuffle_every_node_in_and_none_out() -> None:
    orders = {shuffled(NODES, random.Random(seed)) for seed in range(20)}

    assert all(sorted(order) == sorted(NODES) for order in orders)
    assert len(orders) > 1


def test_should_mask_the_password_of_a_url() -> None:
    assert without_password(NODES[0]) == "amqp://u:******@rabbit-1:5672/"
    assert without_password("amqp://rabbit-1/") == "amqp://rabbit-1/"
