import asyncio
from unittest.mock import AsyncMock

import pytest
from aiormq.exceptions import ChannelInvalidStateError

from brokers.queues.rabbit_acks import CumulativeAcks


class Channel:
    """A channel's ack call, recorded."""

    def __init__(self) -> None:
        self.basic_ack = AsyncMock()


def channel() -> Channel:
    return Channel()


def frames(acking: Channel) -> list[tuple[int, bool]]:
    return [
        (call.args[0], call.kwargs.get("multiple", False))
        for call in acking.basic_ack.await_args_list
    ]


def delivered(acks: CumulativeAcks, acking: Channel, *tags: int) -> None:
    for tag in tags:
        acks.delivered(acking, tag)


async def test_a_batch_acked_in_one_turn_of_the_loop_is_one_frame() -> None:
    # given
    acks, acking = CumulativeAcks(), channel()
    delivered(acks, acking, 1, 2, 3)

    # when
    await asyncio.gather(*(acks.ack(acking, tag) for tag in (1, 2, 3)))

    # then
    assert frames(acking) == [(3, True)]


async def test_a_delivery_settled_before_an_earlier_one_waits_for_its_frame() -> None:
    # given
    acks, acking = CumulativeAcks(), channel()
    delivered(acks, acking, 1, 2, 3)

    # when
    await acks.ack(acking, 2)
    sent_before = frames(acking)
    await acks.ack(acking, 1)

    # then
    assert sent_before == []
    assert frames(acking) == [(2, True)]


async def test_a_forgotten_delivery_lets_the_acks_behind_it_go_and_is_passed_over() -> None:
    # given
    acks, acking = CumulativeAcks(), channel()
    delivered(acks, acking, 1, 2, 3)
    await acks.ack(acking, 2)

    # when
    acks.forget(acking, 1)
    await asyncio.sleep(0)

    # then
    assert frames(acking) == [(2, True)]


async def test_an_ack_that_comes_while_a_frame_is_sent_goes_in_the_next_frame() -> None:
    # given
    acks, acking = CumulativeAcks(), channel()
    release = asyncio.Event()

    async def slow_ack(delivery_tag: int, multiple: bool = False) -> None:
        await release.wait()

    acking.basic_ack.side_effect = slow_ack
    delivered(acks, acking, 1, 2)
    first = asyncio.ensure_future(acks.ack(acking, 1))
    await asyncio.sleep(0)

    # when
    second = asyncio.ensure_future(acks.ack(acking, 2))
    await asyncio.sleep(0)
    release.set()
    await asyncio.gather(first, second)

    # then
    assert frames(acking) == [(1, True), (2, True)]


async def test_a_delivery_of_a_replaced_channel_is_acked_alone_on_its_own_channel() -> None:
    # given
    acks, old, new = CumulativeAcks(), channel(), channel()
    delivered(acks, old, 1, 2)
    delivered(acks, new, 1)

    # when
    await acks.ack(old, 2)
    await acks.ack(new, 1)

    # then
    assert frames(old) == [(2, False)]
    assert frames(new) == [(1, True)]


async def test_an_ack_the_channel_refuses_fails_every_ack_of_its_frame() -> None:
    # given
    acks, acking = CumulativeAcks(), channel()
    acking.basic_ack.side_effect = ChannelInvalidStateError("closed")
    delivered(acks, acking, 1, 2)

    # when
    results = await asyncio.gather(acks.ack(acking, 1), acks.ack(acking, 2), return_exceptions=True)

    # then
    assert [type(result) for result in results] == [ChannelInvalidStateError] * 2
    assert frames(acking) == [(2, True)]


@pytest.mark.parametrize("nacked", [1, 2])
async def test_a_multiple_ack_never_names_a_nacked_delivery(nacked: int) -> None:
    # given
    acks, acking = CumulativeAcks(), channel()
    delivered(acks, acking, 1, 2)

    # when
    acks.forget(acking, nacked)
    await acks.ack(acking, 3 - nacked)
    await asyncio.sleep(0)

    # then
    assert frames(acking) == [(3 - nacked, True)]
