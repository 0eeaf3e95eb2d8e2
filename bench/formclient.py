"""A public-form applicant over plain HTTP, as a browser does it: GET the form (cookies, CSRF
token, hidden fields, the arithmetic question), then POST it as multipart with the answers.
Used by bench/load_forms.py and tests/faults/ against a server on 127.0.0.1."""

import html.parser
import http.client
import re
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from xxgk.requests.validators import resident_id_check_char

CHINESE_DIGITS = "零一二三四五六七八九"
QUESTION = re.compile(r"([零一二三四五六七八九十]+)加([零一二三四五六七八九十]+)等于几")


def chinese_to_int(text: str) -> int:
    """一 … 九十九 (what the arithmetic question uses)."""
    if "十" not in text:
        return CHINESE_DIGITS.index(text)
    tens, _, ones = text.partition("十")
    return (CHINESE_DIGITS.index(tens) if tens else 1) * 10 + (
        CHINESE_DIGITS.index(ones) if ones else 0
    )


def resident_id(serial: int) -> str:
    first17 = f"33080219900307{serial % 1000:03d}"  # region, birth date, sequence
    return first17 + resident_id_check_char(first17)


class _FormParser(html.parser.HTMLParser):
    """The fields of the page's POST forms: hidden and text values, the first option of each
    select, checkbox names; and the arithmetic question's text."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self.current: dict | None = None
        self.select: str | None = None
        self.textarea: str | None = None
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and (a.get("method") or "").lower() == "post":
            self.current = {"fields": {}, "checkboxes": [], "files": []}
            self.forms.append(self.current)
        if self.current is None or not a.get("name") and tag != "option":
            return
        fields = self.current["fields"]
        if tag == "input":
            kind = (a.get("type") or "text").lower()
            if kind == "checkbox":
                self.current["checkboxes"].append(a["name"])
            elif kind == "file":
                self.current["files"].append(a["name"])
            elif kind not in ("submit", "button", "radio") or "checked" in a:
                fields[a["name"]] = a.get("value") or ""
        elif tag == "select":
            self.select = a["name"]
        elif tag == "option" and self.select and (a.get("value") or ""):
            fields.setdefault(self.select, a["value"])
        elif tag == "textarea":
            self.textarea = a["name"]
            fields[a["name"]] = ""

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None
        elif tag == "select":
            self.select = None
        elif tag == "textarea":
            self.textarea = None

    def handle_data(self, data):
        self.text.append(data)
        if self.current is not None and self.textarea:
            self.current["fields"][self.textarea] += data


def parse_form(page: str) -> tuple[dict, list[str], list[str]]:
    """(fields with their current values, checkbox names, file input names) of the last
    POST form on the page, with the arithmetic question (if any) answered."""
    parser = _FormParser()
    parser.feed(page)
    if not parser.forms:
        raise ValueError("no POST form on the page")
    form = parser.forms[-1]
    fields = dict(form["fields"])
    if "challenge_answer" in fields:
        match = QUESTION.search("".join(parser.text))
        if not match:
            raise ValueError("the form asks a question this client cannot read")
        fields["challenge_answer"] = str(sum(chinese_to_int(g) for g in match.groups()))
    return fields, form["checkboxes"], form["files"]


def multipart(fields: dict, files: dict[str, tuple[str, bytes, str]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode()
            + str(value).encode()
            + b"\r\n"
        )
    for name, (filename, data, content_type) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
            + data
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    text: str


@dataclass
class Browser:
    """One visitor: their cookies, one request at a time, redirects not followed."""

    base_url: str
    timeout: float = 30
    cookies: dict[str, str] = field(default_factory=dict)

    def request(self, method: str, path: str, body: bytes | None = None, headers=None):
        url = urlsplit(self.base_url)
        conn = http.client.HTTPConnection(url.hostname, url.port, timeout=self.timeout)
        try:
            sent = {
                "User-Agent": "xxgk-formclient",
                "Accept-Language": "zh-hans",
                **(headers or {}),
            }
            if self.cookies:
                sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            text = response.read().decode("utf-8", "replace")
            for header, value in response.getheaders():
                if header.lower() == "set-cookie":
                    name, _, rest = value.partition("=")
                    self.cookies[name.strip()] = rest.split(";", 1)[0]
            return Response(response.status, {k.lower(): v for k, v in response.getheaders()}, text)
        finally:
            conn.close()

    def submit(self, path: str, values: dict, files: dict | None = None) -> Response:
        """GET the form at ``path``, fill it with ``values`` and POST it."""
        page = self.request("GET", path)
        if page.status != 200:
            return page
        return self.post_form(path, page, values, files)

    def post_form(self, path: str, page: Response, values: dict, files=None) -> Response:
        """POST the form of ``page`` back with ``values`` (ticking their checkboxes), the
        CSRF token, the page's hidden fields and the answer to its question."""
        fields, checkboxes, _ = parse_form(page.text)
        for name, value in values.items():
            if name in checkboxes:
                if value:
                    fields[name] = "on"
            else:
                fields[name] = value
        body, content_type = multipart(fields, files or {})
        origin = self.base_url.rstrip("/")
        return self.request(
            "POST",
            path,
            body=body,
            headers={"Content-Type": content_type, "Referer": origin + path, "Origin": origin},
        )


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def application_values(serial: int, marker: str) -> dict:
    """A citizen's 依申请公开 application; ``marker`` makes it findable in the database."""
    return {
        "applicant_type": "citizen",
        "name": "张三",
        "id_type": "resident",
        "id_number": resident_id(serial),
        "phone": "13800138000",
        "address": "浙江省衢州市柯城区九华北大道78号",
        "postcode": "324000",
        "description": f"请提供本校2026年本科招生计划分专业安排（{marker}）。",
        "medium": "paper",  # no e-mail: nothing leaves the machine
        "delivery": "post",
        "consent": True,
    }


def letter_values(marker: str) -> dict:
    return {
        "writer_name": "李四",
        "phone": "13900001111",
        "subject": f"食堂建议 {marker}",
        "message": "建议考试周延长食堂和图书馆的开放时间，方便同学们复习。",
        "consent_to_publish": False,
    }


def attachment(name: str = "材料.pdf") -> dict:
    return {"attachments": (name, PDF, "application/pdf")}
