#!/usr/bin/env python3
"""Writes the test pages of this folder: small news pages, made up for
brief's tests, in the character sets and layouts the HTML reader must
handle. Run it here to rebuild them: python3 make-pages.py"""

body_en = [
    "PORT ELLIS — The harbour authority on Tuesday approved a new ferry terminal for the city’s east side, ending two years of debate over the café-lined waterfront.",
    "The terminal will cost about 40 million euros and open in 2028, officials said. It will serve ferries to the three islands in the bay and a new route to the airport.",
    "“We are ready to start building this summer,” said Renée Duval, who chairs the authority’s board. “The old pier cannot carry the traffic we expect.”",
    "Residents of the Quai Bellevue had asked for a smaller design. The approved plan keeps the promenade open and adds a cycle path along the water.",
    "Construction is expected to close part of the harbour road for eighteen months. The city said buses would be rerouted during the works.",
]


def page(title, paras, head_extra="", charset_meta="", byline="Marta Lindqvist", pad_head=0,
         body_extra_top="", lang="en"):
    head = "<head>\n" + charset_meta + "<title>" + title + " | The Harbour Post</title>\n"
    if pad_head:
        head += "<style>\n/* " + ("layout rules " * (pad_head // 13 + 1)) + " */\nbody { margin: 0 }\n</style>\n"
    head += head_extra
    head += '<meta property="og:site_name" content="The Harbour Post">\n'
    head += "</head>\n"
    art = ('<body>\n<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>\n'
           '<article>\n<h1>' + title + '</h1>\n')
    if byline:
        art += '<p class="byline">By <a rel="author" href="/staff/ml">' + byline + '</a></p>\n'
    art += body_extra_top
    for p in paras:
        art += "<p>" + p + "</p>\n"
    art += '</article>\n<footer>Copyright 2026 The Harbour Post. All rights reserved.</footer>\n</body>\n'
    return '<!DOCTYPE html>\n<html lang="' + lang + '">\n' + head + art + "</html>\n"


def w(name, s, enc="utf-8", bom=b""):
    with open(name, "wb") as f:
        f.write(bom + s.encode(enc))


T = "Harbour authority approves new ferry terminal"

# A byte order mark and no declaration.
w("bom.html", page(T, body_en), bom=b"\xef\xbb\xbf")

# UTF-8 declared in a <meta charset> past the first 1,024 bytes, which
# are ASCII.
s = page(T, body_en, pad_head=1400, head_extra='<meta charset="utf-8">\n')
assert s.index('<meta charset="utf-8">') > 1024 and all(ord(c) < 128 for c in s[:1024])
w("late-meta-utf8.html", s)

# No declaration: valid UTF-8 whose first kilobyte is ASCII.
s = page(T, body_en, pad_head=1100)
assert all(ord(c) < 128 for c in s[:1024])
w("undeclared-utf8.html", s)

# Windows-1252 bytes, declared early.
w("windows-1252.html", page(T, body_en, charset_meta=(
    '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">\n')), enc="cp1252")

# Windows-1252 bytes (curly quotes 0x91-0x94, é 0xE9) declared in a late meta.
s = page(T, body_en, pad_head=1400, head_extra=(
    '<meta http-equiv="content-type" content="text/html; charset=windows-1252">\n'))
assert s.index("charset=windows-1252") > 1024
w("late-meta-windows-1252.html", s, enc="cp1252")

# ISO-8859-1 bytes declared in a late meta.
body_latin = [p.replace("’", "'").replace("“", '"').replace("”", '"').replace("—", "-") for p in body_en]
s = page(T, body_latin, pad_head=1400, head_extra='<meta charset="iso-8859-1">\n')
assert s.index('<meta charset="iso-8859-1">') > 1024
w("late-meta-latin1.html", s, enc="latin-1")

# Windows-1252 bytes, no declaration: the test serves it with a charset
# in the HTTP Content-Type.
w("http-windows-1252.html", page(T, body_en), enc="cp1252")

# A changelog whose lines are separated by <br>.
lines = [
    "Version 4.2 fixes the crash when a report has no title.",
    "The export to PDF keeps the page margins.",
    "Searching by date now accepts ranges such as 2024-2026.",
    "The settings window remembers its size and position.",
    "Translations were updated for Dutch, Polish and Turkish.",
    "Large attachments now upload in the background.",
    "The command line tool prints its version with --version.",
    "Old reports open about twice as fast as before.",
    "Keyboard shortcuts can be changed in the settings.",
    "The installer no longer asks for a restart.",
]
intro = ("The Ledgerly team released version 4.2 of its reporting app on Monday, with fixes that users of "
         "the free and paid editions had asked for since the spring. The full list of changes follows.")
w("br-lines.html", page("Ledgerly 4.2 released", [intro, "<br>\n".join(lines)], byline="Tomas Reyes"))

# Figure captions, photo and wire credits and a "Provided by" line.
fig = ('<figure><img src="/img/terminal.jpg" alt="terminal"><figcaption>The new terminal as the architects drew it. '
       '<span class="credit">Photo: Ana Lima/Reuters</span></figcaption></figure>\n')
provided = '<div class="attribution">© Provided by Business Insider</div>\n'
s = page(T, body_en[:2], body_extra_top=fig + provided)
s = s.replace("<p>" + body_en[1] + "</p>\n",
              "<p>" + body_en[1] + "</p>\n<p>Ana Lima / Getty Images</p>\n<p>" + body_en[2] +
              "<br>Photo: Jonas Berg/AFP</p>\n<p>" + body_en[3] + "</p>\n<p>" + body_en[4] + "</p>\n")
w("captions.html", s)

# A byline with parentheses, a web address and a date.
w("byline-url.html", page("Why the harbour authority chose the larger design", body_en,
                          byline="Tomas K. Reyes (https://example.org/~treyes/)",
                          head_extra='<meta name="author" content="By Tomas K. Reyes (https://example.org/~treyes/) | March 3, 2026">\n'))

# A headline that ends in an abbreviation.
TN = "Ferry fares to rise in N.Y.C."
w("nyc-title.html", page(TN, body_en, head_extra='<meta property="og:title" content="' + TN + '">\n'))

# The metadata rewords the headline; the site's logo is an <h1> too.
s = page("Harbour authority approves new ferry terminal", body_en,
         head_extra='<meta property="og:title" content="Port Ellis ferry terminal gets the go-ahead after two years">\n')
s = s.replace("<title>Harbour authority approves new ferry terminal | The Harbour Post</title>",
              "<title>Port Ellis ferry terminal gets the go-ahead | The Harbour Post</title>")
s = s.replace("<body>\n<nav>", '<body>\n<header><h1 class="logo">The Harbour Post</h1></header>\n<nav>')
w("og-title.html", s)

# ESC and BEL characters in the title, byline and body.
w("control-chars.html", page("Harbour\x1b[2J authority\x07 approves new ferry terminal",
                             [p.replace(" ", " \x1b", 1).replace(".", ".\x07", 1) for p in body_en],
                             byline="Marta\x1b Lindqvist"))

# A Chinese report.
zh = [
    "河口市政府周二宣布，将在未来三年内投资八十亿元建设一座新的跨江大桥。市长李文华在新闻发布会上表示，这座大桥将把城市东西两岸的通勤时间缩短一半。",
    "根据规划，大桥全长约四公里，设有六条车道和一条自行车道。工程预计明年春季动工，二〇二九年底前通车。",
    "部分居民担心施工期间的噪音和交通拥堵问题。市交通局回应称，将在施工区域设置临时绕行路线，并限制夜间作业时间。",
    "专家认为，这一项目有望带动沿江地区的经济发展。“新桥将让两岸真正连成一体。”一位城市规划学者说。",
    "目前，河口市每天约有十五万人往返于两岸之间，现有的两座桥梁在早晚高峰时段经常严重拥堵。",
]
s = page("河口市宣布新建跨江大桥计划", zh, byline="王晓梅", lang="zh-CN", charset_meta='<meta charset="utf-8">\n')
w("zh.html", s.replace("By <a", "记者 <a"))

# A Japanese report, its byline in the body as Japanese pages write it.
ja = [
    "北浜市は十五日、市の中心部と港を結ぶ新しい路面電車の路線を建設すると発表した。総事業費はおよそ三百億円で、二〇二八年の開業を目指す。",
    "市長の山田和子氏は記者会見で「渋滞の解消と観光の振興につなげたい。」と述べた。新路線は全長約七キロで、十二の停留所を設ける計画だ。",
    "一方、沿線の商店街からは工事中の売り上げ減少を心配する声も上がっている。市は説明会を来月から順次開く方針だ。",
    "市によると、中心部の道路は平日の朝夕に慢性的な渋滞が続いており、バスの遅れが問題になっていた。新路線の完成後は、港までの所要時間が現在の半分ほどになるという。",
    "路面電車の車両は地元の工場で製造する予定で、市は雇用の面でも効果があるとみている。",
]
s = page("北浜市、新しい路面電車の路線を発表", ja, byline="佐藤健一", lang="ja",
         head_extra='<meta name="author" content="佐藤健一">\n')
w("ja.html", s.replace('<p class="byline">By <a rel="author" href="/staff/ml">佐藤健一</a></p>',
                       '<p class="byline">佐藤健一 記者</p>'))

# The metadata names the site as the author; the page's author box names
# the reporter, beside an avatar and a role.
s = page(T, body_en, byline="",
         head_extra='<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
                    '"headline": "' + T + '", "author": {"@type": "Organization", "name": "The Harbour Post"}}</script>\n')
s = s.replace("<article>\n<h1>" + T + "</h1>\n", "<article>\n<h1>" + T + "</h1>\n"
              '<div class="story-author"><a href="/author/ines-moreau-12" class="story-author__avatar">'
              '<img src="/img/im.jpg" alt="Ines Moreau, harbour reporter"></a>'
              '<h3 class="story-author__name"><a href="/author/ines-moreau-12">Ines Moreau</a></h3>'
              '<p class="story-author__role">Harbour reporter</p></div>\n')
w("author-box.html", s)

# The author in the metadata is the site's publishing account, shown
# nowhere; the page prints the reporter after a label.
s = page(T, body_en, byline="", head_extra='<meta name="author" content="HPX - Web Team">\n')
s = s.replace("<article>\n<h1>" + T + "</h1>\n", "<article>\n<h1>" + T + "</h1>\n"
              "<small><b>03/03/2026</b> - Posted by: Joana Pires - Section: <a href=\"/city\">City</a></small>\n")
w("label-author.html", s)

# No author in the metadata: the page links the desk's author page.
s = page(T, body_en, byline="")
s = s.replace("<article>\n<h1>" + T + "</h1>\n", "<article>\n<h1>" + T + "</h1>\n"
              '<span class="place">Port Ellis</span>, <a href="/byline/harbour-desk" class="brown">Harbour Desk</a> | Updated: 3 March 2026\n')
w("byline-link.html", s)

# The metadata's author is shown in the byline; a sidebar box about
# another author's column must not replace it.
s = page(T, body_en, head_extra='<meta name="author" content="Marta Lindqvist">\n')
s = s.replace("</article>", '<div class="author-column"><a href="/author/olof-berg">Olof Berg</a>: Why ferries matter</div>\n</article>')
w("sidebar-author.html", s)

# A post embedded from a social network: its words are the post's
# author's, so none of it may become a key point.
tweet = ('<blockquote class="twitter-tweet"><p lang="en" dir="ltr">Work on the ferry terminal starts this summer, '
         'and ferries to the islands and the airport will use the terminal from 2028.</p>'
         '— Port Ellis Harbour (@PortEllisHarbour) '
         '<a href="https://twitter.com/PortEllisHarbour/status/1">March 3, 2026</a></blockquote>\n')
s = page(T, body_en)
s = s.replace("<p>" + body_en[1] + "</p>\n", "<p>" + body_en[1] + "</p>\n" + tweet)
w("embed.html", s)
