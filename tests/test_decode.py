"""Decoding: BOMs, strict UTF-8, detected GB18030 and Big5, forced encodings, refused bytes."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extractor import parse
from extractor.cli import app
from extractor.decode import canonical_encoding, decode_bytes
from extractor.errors import DecodeError
from tests.invariants import check_invariants
from tests.samples import SPEECH, SPEECH_TRADITIONAL, headings

runner = CliRunner()

ENCODINGS = [
    # (how the file is written, encoding reported, BOM reported)
    (lambda s: s.encode("utf-8"), "utf-8", False),
    (lambda s: codecs.BOM_UTF8 + s.encode("utf-8"), "utf-8", True),
    (lambda s: s.encode("utf-16"), "utf-16-le", True),  # Python writes a little-endian BOM
    (lambda s: codecs.BOM_UTF16_BE + s.encode("utf-16-be"), "utf-16-be", True),
    (lambda s: s.encode("utf-32"), "utf-32-le", True),
    (lambda s: codecs.BOM_UTF32_BE + s.encode("utf-32-be"), "utf-32-be", True),
    (lambda s: s.encode("gb18030"), "gb18030", False),
    (lambda s: s.encode("gbk"), "gb18030", False),
    (lambda s: s.encode("gb2312"), "gb18030", False),
]


@pytest.mark.parametrize(
    ("encode", "encoding", "bom"),
    ENCODINGS,
    ids=[
        "utf8",
        "utf8-bom",
        "utf16le",
        "utf16be",
        "utf32le",
        "utf32be",
        "gb18030",
        "gbk",
        "gb2312",
    ],
)
def test_each_encoding_gives_the_headings_of_clean_utf8(
    tmp_path: Path, encode: object, encoding: str, bom: bool
) -> None:
    assert callable(encode)
    path = tmp_path / "讲话.txt"
    path.write_bytes(encode(SPEECH))
    result = runner.invoke(app, [str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["source"]["encoding"] == encoding
    assert data["source"]["bom"] is bom
    assert headings(data) == headings(parse(SPEECH).model_dump(mode="json"))
    assert data["source"]["chars"] == len(SPEECH)
    for s in data["sections"]:
        start, end = s["title_span"]
        assert SPEECH[start:end] == s["title"]


def test_big5_is_read_as_big5_not_as_gb18030_mojibake(tmp_path: Path) -> None:
    data = SPEECH_TRADITIONAL.encode("big5")
    # The trap: the same bytes are valid GB18030, and decode to nonsense.
    assert data.decode("gb18030") != SPEECH_TRADITIONAL
    decoded = decode_bytes(data, "big5.txt")
    assert decoded.encoding == "big5"
    assert decoded.text == SPEECH_TRADITIONAL
    path = tmp_path / "big5.txt"
    path.write_bytes(data)
    out = json.loads(runner.invoke(app, [str(path)]).stdout)
    assert [t for _, t in headings(out)][:2] == [
        "認清形勢，堅定發展信心",
        "產業結構持續優化，新簽約項目四十二個",
    ]
    check_invariants(parse(SPEECH_TRADITIONAL), SPEECH_TRADITIONAL)


def test_encoding_option_forces_the_codec(tmp_path: Path) -> None:
    path = tmp_path / "gbk.txt"
    path.write_bytes(SPEECH.encode("gbk"))
    result = runner.invoke(app, [str(path), "--encoding", "GBK"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["source"]["encoding"] == "gb18030"
    forced = runner.invoke(app, [str(path), "--encoding", "utf-8"])
    assert forced.exit_code == 2
    assert forced.stderr == f"outline: {path}: not utf-8 (byte 0xCF at 0)\n"


def test_unknown_encoding_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(SPEECH, encoding="utf-8")
    result = runner.invoke(app, [str(path), "--encoding", "klingon"])
    assert result.exit_code == 2
    assert "unknown encoding 'klingon'" in result.stderr


@pytest.mark.parametrize(
    ("name", "codec"),
    [("gbk", "gb18030"), ("GB2312", "gb18030"), ("utf8", "utf-8"), ("big5", "big5")],
)
def test_encoding_names_are_canonical(name: str, codec: str) -> None:
    assert canonical_encoding(name) == codec


def test_undecodable_bytes_report_the_first_bad_byte() -> None:
    data = SPEECH.encode("utf-8")[:30] + b"\xff\xfe\xfd" + SPEECH.encode("utf-8")[30:]
    with pytest.raises(DecodeError) as raised:
        decode_bytes(data, "坏文件.txt")
    assert raised.value.position == 30
    assert str(raised.value) == "坏文件.txt: not UTF-8, GB18030 or Big5 (byte 0xFF at 30)"


def test_a_bad_byte_after_a_bom_counts_the_bom() -> None:
    data = codecs.BOM_UTF16_LE + "同志们".encode("utf-16-le") + b"\x00\xd8"  # lone surrogate
    with pytest.raises(DecodeError) as raised:
        decode_bytes(data, "a.txt")
    assert raised.value.position == 8


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data, not text (byte 0x00 at 8)"),
        ("同志们".encode() + b"\x00\x01", "binary data, not text (byte 0x00 at 9)"),
        (b"%PDF-1.7\n\x01\x02", "binary data, not text (byte 0x01 at 9)"),
    ],
    ids=["png", "nul", "control"],
)
def test_binary_data_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(DecodeError) as raised:
        decode_bytes(data, "x.bin")
    assert str(raised.value) == f"x.bin: {message}"


@pytest.mark.parametrize(
    ("data", "forced", "bom"),
    [
        (codecs.BOM_UTF8 + SPEECH.encode("utf-8"), "utf-8", True),
        (SPEECH.encode("utf-16"), "utf-16", True),
        (SPEECH.encode("utf-16-le"), "utf-16-le", False),
        (SPEECH.encode("gb18030"), "gb18030", False),
    ],
    ids=["utf8-bom", "utf16-bom", "utf16le", "gb18030"],
)
def test_a_forced_encoding_drops_and_reports_the_bom(data: bytes, forced: str, bom: bool) -> None:
    decoded = decode_bytes(data, "a.txt", forced)
    assert decoded.text == SPEECH
    assert decoded.bom is bom
    assert decoded.encoding == forced


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_detected(codec: str) -> None:
    decoded = decode_bytes(SPEECH.encode(codec), "a.txt")
    assert (decoded.text, decoded.encoding, decoded.bom) == (SPEECH, codec, False)


def test_binary_data_is_not_taken_for_utf16() -> None:
    data = bytes(range(256)) * 4
    with pytest.raises(DecodeError):
        decode_bytes(data, "x.bin")


def test_utf8_with_a_bad_byte_is_not_taken_for_utf16() -> None:
    data = SPEECH.encode("utf-8")
    data = data[:30] + b"\xff" + data[30:]
    data += b" " * (len(data) % 2)  # even length: UTF-16 decodes it without an error
    with pytest.raises(DecodeError) as raised:
        decode_bytes(data, "a.txt")
    assert raised.value.position == 30


def test_the_digest_is_the_same_before_and_after_openssl_takes_over(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import hashlib

    from extractor import decode
    from extractor.decode import Decoded

    monkeypatch.setattr(decode, "_sha256", decode._Sha256())
    text = SPEECH * 3
    expected = hashlib.sha256(text.encode("utf-8")).hexdigest()
    digests = []
    while not decode._sha256.openssl:
        digests.append(Decoded.from_text(text).sha256)
    digests.append(Decoded.from_text(text).sha256)
    assert len(digests) > 2 and set(digests) == {expected}
    data = SPEECH.encode("gb18030")
    assert decode_bytes(data, "x.txt").sha256 == hashlib.sha256(data).hexdigest()
