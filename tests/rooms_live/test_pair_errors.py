"""Refused document messages: each gets a clear error ack and changes nothing for anyone."""

from __future__ import annotations

from pycrdt import Doc, Text

from realtime.keys import DOCUMENTS
from rooms.yjs_wire import AwarenessEntry, awareness_message
from tests.rooms_live.pair_peers import PyPeer, _var_bytes
from tests.rooms_live.test_contest import make_room
from tests.rooms_live.test_pair_editing import pair_room


def update_message(update: bytes) -> bytes:
    return b"\x02" + _var_bytes(update)


def text_update(text: str) -> bytes:
    doc = Doc()
    doc.get("python", type=Text).insert(0, text)
    return doc.get_update()


async def test_bad_messages_are_refused(server, server_url, make_account_on, http, aplusb):
    alice, bob, watcher, stranger = [await make_account_on() for _ in range(4)]
    rid = await pair_room(http, alice)
    a = await PyPeer.connect(server_url, alice.token, rid)
    b = await PyPeer.connect(server_url, bob.token, rid)
    received: list[bytes] = []
    b.on_remote_update = received.append
    try:
        assert (await a.sync())["ok"] and (await b.sync())["ok"]
        a.insert(0, "hello")
        await b.wait(lambda: str(b.text()) == "hello")
        received.clear()
        doc = server.app[DOCUMENTS].get(rid)
        before = (doc.snapshot(), doc.version)

        valid = text_update("evil")
        malformed = {
            b"": "invalid_update",  # empty
            b"\x07\x00": "invalid_update",  # unknown sync message type
            b"\x02\x05ab": "invalid_update",  # length runs past the end
            b"\x02\x03abc": "invalid_update",  # not a Yjs update
            update_message(valid[:-3]): "invalid_update",  # truncated update
            update_message(valid) + b"\x00": "invalid_update",  # trailing garbage
            b"\x00\x02\xff\xff": "invalid_update",  # step 1 with a broken state vector
            b"\xff" * 12: "invalid_update",  # a number longer than 53 bits
        }
        for data, code in malformed.items():
            for event in ("doc:sync", "doc:update"):
                ack = await a.call(event, data)
                assert ack["ok"] is False and ack["error"]["code"] == code, (event, data, ack)
                assert ack["error"]["message"]
        ack = await a.call("doc:update", b"\x00\x01\x00")  # a step 1 is not an update
        assert ack["error"]["code"] == "invalid_update"
        for data in (b"\x01\x05", b"\x01\x01\x01\x03{x}", b"\x02\x01\x01\x02{}"):
            ack = await a.call("doc:awareness", data)
            assert ack["error"]["code"] == "invalid_awareness", (data, ack)
        ack = await a.call("doc:sync", "AAE=")  # base64 text is not binary
        assert ack["error"]["code"] == "invalid_payload"
        ack = await a.sio.call("doc:sync", {"room": rid}, timeout=5)
        assert ack["error"]["code"] == "invalid_payload"

        # Over the size limit (1 MiB by default): refused before it is decoded.
        big = update_message(text_update("x" * (1024 * 1024 + 10)))
        ack = await a.call("doc:update", big)
        assert ack["error"]["code"] == "update_too_large", ack

        # Someone else's cursor id may not be announced (or removed) by bob.
        a.set_awareness({"user": {"name": "alice"}})
        await a.drain()
        await b.wait(lambda: len(b.peers()) == 1)
        alice_id = a.awareness.client_id
        stolen = awareness_message([AwarenessEntry(alice_id, 99, None)])
        ack = await b.call("doc:awareness", stolen)
        assert ack["error"]["code"] == "not_owner", ack

        # Spectators and strangers may neither read nor write.
        spectator = await PyPeer.connect(server_url, watcher.token, rid, join=False)
        ack = await spectator.sio.call("room:join", {"room": rid, "spectator": True}, timeout=5)
        assert ack["ok"] and ack["role"] == "spectator"
        outsider = await PyPeer.connect(server_url, stranger.token, rid, join=False)
        for peer in (spectator, outsider):
            ack = await peer.sync()
            assert ack["ok"] is False and ack["error"]["code"] == "not_member", ack
            assert str(peer.text()) == ""  # nothing was sent to read
            for event in ("doc:update", "doc:sync"):
                ack = await peer.call(event, update_message(valid))
                assert ack["error"]["code"] == "not_member", ack
            ack = await peer.call("doc:awareness", awareness_message([AwarenessEntry(7, 1, {})]))
            assert ack["error"]["code"] == "not_member", ack

        # Rooms without a document, and rooms that do not exist.
        contest = await make_room(http, alice)
        ack = await a.sio.call(
            "doc:sync", {"room": contest["id"], "data": b"\x00\x01\x00"}, timeout=5
        )
        assert ack["error"]["code"] == "not_document_room", ack
        ack = await a.sio.call("doc:sync", {"room": "no-such-room", "data": b"\x00\x01\x00"})
        assert ack["error"]["code"] == "room_not_found", ack

        # None of it changed the document or reached bob (every refusal was acked, so
        # anything it sent bob went out before); a good edit still goes through.
        await b.sio.call("system:ping", 1, timeout=5)
        assert (doc.snapshot(), doc.version) == before
        assert received == [] and str(b.text()) == "hello"
        assert b.peers() == {alice_id: {"user": {"name": "alice"}}}
        a.insert(5, " world")
        await b.wait(lambda: str(b.text()) == "hello world")
        assert doc.text("python") == "hello world"
        for peer in (spectator, outsider):
            assert str(peer.text()) == ""
        await spectator.close()
        await outsider.close()
    finally:
        await a.close()
        await b.close()
