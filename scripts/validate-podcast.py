#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks a podcast feed against what the directories publish as required, then reads it the way
podcast apps do.

    scripts/validate-podcast.py FEED.xml [--directory DIR] [--transcripts]

Checks (each failure is one line; exit status 1 if any, 2 for usage):
- Apple Podcasts / Spotify channel tags: title, description, language, link, itunes:image with an
  absolute http(s) URL named .jpg, .jpeg or .png (and RSS <image>),
  itunes:category from Apple's list, itunes:explicit, itunes:author, itunes:owner with an e-mail
  address;
  Podcasting 2.0: podcast:guid a UUID, podcast:locked yes/no.
- Every item: title, guid (unique in the feed), pubDate in RFC 822, description, link (absolute,
  when present), an enclosure with
  an absolute http(s) URL, an integer length > 0 (the file's exact size when --directory gives where
  the files are) and a type Apple accepts, itunes:duration, itunes:episodeType.
- Podcasting 2.0 podcast:transcript, on any item that has one (on every item with --transcripts):
  an absolute http(s) URL in the same folder as the enclosure, a type from the namespace's list;
  with --directory, the file exists there and, for text/vtt, webvtt-py (PyPI) reads it: at least
  one cue, cue times in order with start <= end, each word timestamp inside its cue, the last cue
  ending no later than the episode's itunes:duration (rounded to the second) allows.
- feedparser (the common Python reader) parses it without error and finds the image, the explicit
  flag, the categories and each entry's summary; podcastparser (gPodder's) finds the artwork, the
  description and each episode's description, enclosure and duration.
"""
import argparse
import email.utils
import os
import re
import sys
import uuid
import xml.etree.ElementTree as ET
from urllib.parse import urlparse

ITUNES = "{http://www.itunes.com/dtds/podcast-1.0.dtd}"
ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
PODCAST = "{https://podcastindex.org/namespace/1.0}"

# Apple Podcasts' top-level category names (Podcasts Connect help, "Apple Podcasts categories").
APPLE_CATEGORIES = {
    "Arts", "Business", "Comedy", "Education", "Fiction", "Government", "History", "Health & Fitness",
    "Kids & Family", "Leisure", "Music", "News", "Religion & Spirituality", "Science", "Society & Culture",
    "Sports", "Technology", "True Crime", "TV & Film",
}
# Apple: "Apple Podcasts supports M4A, MP3, MOV, MP4, M4V and PDF"; Spotify: MP3, AAC (M4A).
ENCLOSURE_TYPES = {"audio/mpeg", "audio/x-m4a", "audio/mp4", "audio/aac", "video/mp4", "video/quicktime", "video/x-m4v", "application/pdf"}
EXPLICIT_VALUES = {"true", "false", "yes", "no", "clean", "explicit"}
RFC822 = re.compile(r"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} "
                    r"\d{2}:\d{2}(:\d{2})? ([+-]\d{4}|GMT|UT|[ECMP][SD]T)$")
DURATION = re.compile(r"^(\d+|\d{1,2}:\d{2}|\d+:\d{2}:\d{2})$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
# The podcast namespace's transcript types (podcastindex.org/namespace/1.0, <podcast:transcript>).
TRANSCRIPT_TYPES = {"text/vtt", "application/x-subrip", "application/srt", "application/json", "text/html", "text/plain"}
VTT_TIME = re.compile(r"^(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})$")
VTT_TIMESTAMP_TAG = re.compile(r"<((?:\d+:)?\d{2}:\d{2}\.\d{3})>")


def absolute_http(url):
    parsed = urlparse(url or "")
    return parsed.scheme in ("http", "https") and bool(parsed.netloc)


def text(element, tag):
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def vtt_seconds(stamp):
    match = VTT_TIME.match(stamp)
    if not match:
        raise ValueError(f"{stamp!r} is not a WebVTT timestamp")
    hours, minutes, seconds, millis = match.groups()
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def duration_seconds(text_value):
    parts = [int(part) for part in text_value.split(":")] if DURATION.match(text_value) else []
    total = 0
    for part in parts:
        total = total * 60 + part
    return total if parts else None


def check_vtt(path, duration, where, errors):
    """The WebVTT file at path, read with webvtt-py; duration: the episode's seconds, or None."""
    import webvtt
    try:
        captions = webvtt.read(path).captions
    except Exception as error:  # webvtt-py raises MalformedFileError, MalformedCaptionError, …
        errors.append(f"{where}: transcript {path} is not WebVTT: {error}")
        return
    if not captions:
        errors.append(f"{where}: transcript {path} has no cue")
        return
    previous = 0.0
    for number, caption in enumerate(captions, 1):
        try:
            start, end = vtt_seconds(caption.start), vtt_seconds(caption.end)
            words = [vtt_seconds(stamp) for stamp in VTT_TIMESTAMP_TAG.findall(caption.raw_text)]
        except ValueError as error:
            errors.append(f"{where}: transcript cue {number}: {error}")
            return
        if start > end or start < previous:
            errors.append(f"{where}: transcript cue {number} ({caption.start} --> {caption.end}) is out of order")
            return
        if any(word < start or word > end for word in words) or words != sorted(words):
            errors.append(f"{where}: transcript cue {number} has word times outside it or out of order")
            return
        previous = start
    if duration is not None and vtt_seconds(captions[-1].end) > duration + 1:
        errors.append(f"{where}: transcript ends at {captions[-1].end}, after the episode's {duration} s")


def check_transcripts(item, enclosure_url, directory, required, where, errors):
    transcripts = item.findall(PODCAST + "transcript")
    if required and not any(t.get("type") == "text/vtt" for t in transcripts):
        errors.append(f"{where}: no podcast:transcript of type text/vtt")
    for transcript in transcripts:
        url, kind = transcript.get("url"), transcript.get("type")
        if kind not in TRANSCRIPT_TYPES:
            errors.append(f"{where}: podcast:transcript type {kind!r} is not one of {sorted(TRANSCRIPT_TYPES)}")
        if not absolute_http(url):
            errors.append(f"{where}: podcast:transcript url {url!r} is not an absolute http(s) URL")
            continue
        if enclosure_url and url.rsplit("/", 1)[0] != enclosure_url.rsplit("/", 1)[0]:
            errors.append(f"{where}: podcast:transcript {url!r} is not beside the audio {enclosure_url!r}")
        if directory is None:
            continue
        local = os.path.join(directory, os.path.basename(urlparse(url).path))
        if not os.path.isfile(local):
            errors.append(f"{where}: transcript file {local} does not exist")
        elif kind == "text/vtt":
            check_vtt(local, duration_seconds(text(item, ITUNES + "duration")), where, errors)


def check_structure(root, directory, errors, transcripts_required=False):
    if root.tag != "rss" or root.get("version") != "2.0":
        errors.append(f"the root is <{root.tag}>, not <rss version=\"2.0\">")
        return 0
    channel = root.find("channel")
    if channel is None:
        errors.append("no <channel>")
        return 0
    for tag in ("title", "description", "language", "link"):
        if not text(channel, tag):
            errors.append(f"channel: <{tag}> missing or empty")
    self_link = channel.find(ATOM + "link[@rel='self']")
    if self_link is None or not absolute_http(self_link.get("href")):
        errors.append("channel: no atom:link rel=\"self\" with an absolute URL")

    image = channel.find(ITUNES + "image")
    href = image.get("href") if image is not None else None
    if not href:
        errors.append("channel: no itunes:image href (Apple Podcasts and Spotify require artwork)")
    elif not absolute_http(href):
        errors.append(f"channel: itunes:image href {href!r} is not an absolute http(s) URL")
    elif os.path.splitext(urlparse(href).path)[1].lower() not in (".jpg", ".jpeg", ".png"):
        # Apple: "JPEG or PNG format ... with appropriate file extensions (.jpg, .png)".
        errors.append(f"channel: itunes:image {href!r} is not named .jpg or .png (Apple takes JPEG or PNG with its extension)")
    rss_image = text(channel, "image/url")
    if not rss_image or not absolute_http(rss_image):
        errors.append("channel: RSS <image><url> missing or not an absolute http(s) URL")

    categories = channel.findall(ITUNES + "category")
    if not categories:
        errors.append("channel: no itunes:category")
    for category in categories:
        if category.get("text") not in APPLE_CATEGORIES:
            errors.append(f"channel: itunes:category {category.get('text')!r} is not an Apple category")
    explicit = text(channel, ITUNES + "explicit").lower()
    if explicit not in EXPLICIT_VALUES:
        errors.append(f"channel: itunes:explicit {explicit!r} is not one of {sorted(EXPLICIT_VALUES)}")
    if not text(channel, ITUNES + "author"):
        errors.append("channel: no itunes:author")
    email_address = text(channel, f"{ITUNES}owner/{ITUNES}email")
    if not EMAIL.match(email_address):
        errors.append(f"channel: itunes:owner/itunes:email {email_address!r} is not an e-mail address (Spotify verifies through it)")

    guid = text(channel, PODCAST + "guid")
    try:
        uuid.UUID(guid)
    except ValueError:
        errors.append(f"channel: podcast:guid {guid!r} is not a UUID")
    if text(channel, PODCAST + "locked") not in ("yes", "no"):
        errors.append("channel: podcast:locked missing or not yes/no")

    items = channel.findall("item")
    if not items:
        errors.append("channel: no <item>")
    guids = set()
    for number, item in enumerate(items, 1):
        where = f"item {number} ({text(item, 'title')[:40]!r})"
        if not text(item, "title"):
            errors.append(f"{where}: no <title>")
        guid = text(item, "guid")
        if not guid:
            errors.append(f"{where}: no <guid>")
        elif guid in guids:
            errors.append(f"{where}: guid {guid!r} is not unique")
        guids.add(guid)
        date = text(item, "pubDate")
        if not RFC822.match(date) or email.utils.parsedate_tz(date) is None:
            errors.append(f"{where}: pubDate {date!r} is not RFC 822")
        if not text(item, "description"):
            errors.append(f"{where}: no <description>")
        if item.find("link") is not None and not absolute_http(text(item, "link")):
            errors.append(f"{where}: <link> {text(item, 'link')!r} is not an absolute URL")
        if not DURATION.match(text(item, ITUNES + "duration")):
            errors.append(f"{where}: itunes:duration {text(item, ITUNES + 'duration')!r} is not seconds, MM:SS or H:MM:SS")
        if text(item, ITUNES + "episodeType") not in ("full", "trailer", "bonus"):
            errors.append(f"{where}: itunes:episodeType missing or not full/trailer/bonus")
        enclosures = item.findall("enclosure")
        check_transcripts(item, enclosures[0].get("url") if enclosures else None, directory, transcripts_required, where, errors)
        if len(enclosures) != 1:
            errors.append(f"{where}: {len(enclosures)} enclosures, not one")
            continue
        enclosure = enclosures[0]
        url, length, kind = enclosure.get("url"), enclosure.get("length", ""), enclosure.get("type")
        if not absolute_http(url):
            errors.append(f"{where}: enclosure url {url!r} is not an absolute http(s) URL")
        if not length.isdigit() or int(length) <= 0:
            errors.append(f"{where}: enclosure length {length!r} is not a positive integer")
        elif directory is not None:
            local = os.path.join(directory, os.path.basename(urlparse(url or "").path))
            if not os.path.isfile(local):
                errors.append(f"{where}: enclosure file {local} does not exist")
            elif os.path.getsize(local) != int(length):
                errors.append(f"{where}: enclosure length {length} but {local} has {os.path.getsize(local)} bytes")
        if kind not in ENCLOSURE_TYPES:
            errors.append(f"{where}: enclosure type {kind!r} is not one the directories accept")
    return len(items)


def transcript_urls(root):
    """By item guid, the URL of the item's first text/vtt podcast:transcript (items that have one).
    Readers are matched by guid: podcastparser orders episodes by date, not as the feed does."""
    urls = {}
    for item in root.findall("channel/item"):
        found = [t.get("url") for t in item.findall(PODCAST + "transcript") if t.get("type") == "text/vtt"]
        if found:
            urls[text(item, "guid")] = found[0]
    return urls


def check_feedparser(data, count, errors, transcripts=None):
    import feedparser
    parsed = feedparser.parse(data)
    if parsed.bozo:
        errors.append(f"feedparser: not well-formed: {parsed.bozo_exception}")
    feed = parsed.feed
    if not (feed.get("image") or {}).get("href"):
        errors.append("feedparser: no image")
    if feed.get("itunes_explicit") is None:
        errors.append("feedparser: itunes_explicit unreadable")
    if not feed.get("tags"):
        errors.append("feedparser: no categories")
    if len(parsed.entries) != count:
        errors.append(f"feedparser: {len(parsed.entries)} entries, the feed has {count} items")
    for number, entry in enumerate(parsed.entries, 1):
        if not entry.get("summary"):
            errors.append(f"feedparser: entry {number} has no summary")
        if not entry.get("enclosures"):
            errors.append(f"feedparser: entry {number} has no enclosure")
        expected = (transcripts or {}).get(entry.get("id"))
        if expected and (entry.get("podcast_transcript") or {}).get("url") != expected:
            errors.append(f"feedparser: entry {number} has no podcast_transcript {expected!r}")


def check_podcastparser(data, url, count, errors, transcripts=None):
    import io
    import podcastparser
    try:
        podcast = podcastparser.parse(url, io.BytesIO(data))
    except Exception as error:  # podcastparser raises its own FeedParseError and XML errors
        errors.append(f"podcastparser: {error}")
        return
    if transcripts:
        # podcastparser 0.6.10 knows the podcast namespace only by its old GitHub address, not by
        # the URI the namespace itself declares (which feed.xml uses): its transcript_url is checked
        # on a copy that declares the old address, to see that it reads the element as written.
        legacy = data.replace(PODCAST[1:-1].encode(), b"https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md")
        episodes = podcastparser.parse(url, io.BytesIO(legacy)).get("episodes", [])
        for number, episode in enumerate(episodes, 1):
            expected = transcripts.get(episode.get("guid"))
            if expected and episode.get("transcript_url") != expected:
                errors.append(f"podcastparser: episode {number} has no transcript_url {expected!r}")
        if len(episodes) != count:
            errors.append(f"podcastparser: {len(episodes)} episodes read with the old namespace address, the feed has {count} items")
    if not podcast.get("cover_url"):
        errors.append("podcastparser: no artwork (cover_url)")
    if not podcast.get("description"):
        errors.append("podcastparser: no description")
    episodes = podcast.get("episodes", [])
    if len(episodes) != count:
        errors.append(f"podcastparser: {len(episodes)} episodes, the feed has {count} items")
    for number, episode in enumerate(episodes, 1):
        if not episode.get("description"):
            errors.append(f"podcastparser: episode {number} has no description")
        if not episode.get("enclosures") or not episode["enclosures"][0].get("file_size", 0) > 0:
            errors.append(f"podcastparser: episode {number} has no enclosure with a size")
        if not episode.get("total_time", 0) > 0:
            errors.append(f"podcastparser: episode {number} has no duration")


def main():
    arguments = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    arguments.add_argument("feed", help="the podcast RSS file")
    arguments.add_argument("--directory", help="where the enclosures are, to check their lengths exactly")
    arguments.add_argument("--transcripts", action="store_true", help="require a text/vtt podcast:transcript on every item")
    options = arguments.parse_args()
    try:
        with open(options.feed, "rb") as handle:
            data = handle.read()
    except OSError as error:
        print(f"validate-podcast: {error}", file=sys.stderr)
        return 2
    errors = []
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        print(f"validate-podcast: {options.feed}: not well-formed XML: {error}", file=sys.stderr)
        return 1
    count = check_structure(root, options.directory, errors, options.transcripts)
    self_link = root.find(f"channel/{ATOM}link[@rel='self']")
    transcripts = transcript_urls(root)
    check_feedparser(data, count, errors, transcripts)
    check_podcastparser(data, self_link.get("href") if self_link is not None else "http://localhost/feed.xml", count, errors, transcripts)
    for error in errors:
        print(f"validate-podcast: {options.feed}: {error}", file=sys.stderr)
    if errors:
        print(f"validate-podcast: {options.feed}: {len(errors)} problems", file=sys.stderr)
        return 1
    print(f"validate-podcast: {options.feed}: ok, {count} episodes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
