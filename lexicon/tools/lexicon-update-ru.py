#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# lexicon-update-ru.py - rebuild the generated English-Russian and
# Spanish-Russian lexicon files (lexicon/data/en-ru, lexicon/data/es-ru)
# from dictionaries installed as Debian packages, as lexicon-update.py does
# for English-Spanish. The generated files are committed; run this only to
# refresh them, and commit the result.
#
# Usage: python3 lexicon/tools/lexicon-update-ru.py [--outdir DIR] [--es-outdir DIR]
#        (defaults lexicon/data/en-ru and lexicon/data/es-ru; the en-es data
#        in lexicon/data/en-es must be there: Spanish-Russian goes through it)
#
# Sources (Debian packages):
#   mueller7-dict          Mueller's English-Russian dictionary (GPL-2+): the
#                          first senses of each part of speech, the
#                          translations before the first example, labels,
#                          explanations in brackets and idioms left out
#   dict-freedict-eng-rus  FreeDict English-Russian (GPL-2+)
#   apertium-rus-ukr, apertium-bel-rus
#                          the Russian analysers inside (GPL-3+): Russian
#                          forms -> lemmas, parts of speech
#   apertium-eng-spa       the English analyser (GPL-3+): English forms
#   hunspell-ru, hunspell-en-us (and hunspell-tools, hunspell): the forms
#                          Hunspell knows for the lemmas (hunspell-forms.py)
# Hand-written files beside the output (kept, never overwritten): for en-ru
# supplement.tsv (closed-class pairs: pronouns, prepositions, conjunctions,
# and what the dictionaries lack), exclusions.tsv, names.tsv, stop-ru.txt;
# stop-en.txt is copied from en-es.
#
# Spanish-Russian: no Debian package pairs them, so pairs go through
# English: (es, ru) when an English word translates both, kept only when
# two or more English words lead from one to the other, or when the English
# word has few translations on both sides in their part of speech (at most
# MAX_FANOUT), so that "bank" does not join "orilla" to "банк". English
# spelling differs between the dictionaries (en-es writes "organisation",
# Mueller "organization"): a word meets its other spelling (en_spellings).
#
# Deterministic: sorted output, package versions in the headers, no date.

import argparse
import gzip
import importlib
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
lu = importlib.import_module('lexicon-update')
hf = importlib.import_module('hunspell-forms')

DICTD_DIR = '/usr/share/dictd'
RU_ANALYSERS = ('/usr/share/apertium/apertium-rus-ukr/rus-ukr.automorf.bin',
                '/usr/share/apertium/apertium-bel-rus/rus-bel.automorf.bin')
EN_ANALYSER = '/usr/share/apertium/apertium-eng-spa/eng-spa.automorf.bin'
PKGS = ('mueller7-dict', 'dict-freedict-eng-rus', 'apertium-rus-ukr',
        'apertium-bel-rus', 'apertium-eng-spa', 'lttoolbox')
COMMAND = 'python3 lexicon/tools/lexicon-update-ru.py'
MAX_SENSES = 5      # senses kept per part of speech of a Mueller entry
MAX_WORDS = 2       # longest Russian translation kept, in words
MAX_FANOUT = 25     # Spanish-Russian through one English word: at most this many each side, per part of speech

# Russian tags of the Apertium analysers beyond the English-Spanish map
RU_POS = dict(lu.POS_MAP, pred='adv', part='adv', abbr='other')
RU_FUNCTION_TAGS = lu.FUNCTION_TAGS | {'part'}

MUELLER_POS = {'n': 'n', 'v': 'v', 'a': 'adj', 'adv': 'adv', 'prep': 'pr',
               'pron': 'prn', 'cj': 'cnj', 'num': 'num', 'int': 'ij'}
CYR_TERM = re.compile(r'^[а-я]+(?:[- ][а-я]+)*$')
LATIN = re.compile(r'[A-Za-z]')
EN_HEAD = re.compile(r"^[A-Za-z][A-Za-z' -]*$")
# Mueller explains function words instead of translating them
EXPLANATION = re.compile(r'^(указывает|употребляется|выражает|передается|служит|'
                         r'означает|соответствует|часто|обыкн|тж|и т|как|в знач)')


def log(msg):
    sys.stderr.write('lexicon-update-ru: %s\n' % msg)


def yo(s):
    """ё as е, as the program folds it."""
    return s.replace('ё', 'е').replace('Ё', 'Е')


def dictd(name):
    """The entries of a dictd dictionary, each its whole text."""
    idx = os.path.join(DICTD_DIR, name + '.index')
    dz = os.path.join(DICTD_DIR, name + '.dict.dz')
    for p in (idx, dz):
        if not os.path.exists(p):
            lu.die('missing %s' % p)
    with gzip.open(dz) as f:
        data = f.read()
    out, seen = [], set()
    with open(idx, encoding='utf-8') as f:
        for line in f:
            fields = line.rstrip('\n').split('\t')
            if len(fields) < 3 or fields[0].startswith('00'):
                continue
            k = (lu.b64num(fields[1]), lu.b64num(fields[2]))
            if k in seen:
                continue
            seen.add(k)
            out.append(data[k[0]:k[0] + k[1]].decode('utf-8'))
    return out


def clean(seg):
    for _ in range(2):
        seg = re.sub(r'\([^()]*\)', ' ', seg)
    seg = re.sub(r'\{[^{}]*\}', ' ', seg)
    seg = re.sub(r'_[^\s.]+\.', ' ', seg)          # labels: _разг. _ам. _pl.
    return ' '.join(seg.split())


def en_head(h):
    """A headword as a lemma, in lower case: the program looks words up
    case-folded ("Javanese" in a text is "javanese"), and names meet through
    the names table. Returns (lemma, proper) or None."""
    h = ' '.join(h.split())
    if not h or not EN_HEAD.match(h) or len(h.split()) > 3:
        return None
    return h.lower(), h[:1].isupper() and h[1:2].islower()


def mueller_terms(text):
    """(head, [(russian, pos or None)]) of one Mueller entry."""
    lines = text.split('\n')
    head = lines[0].strip()
    body = ' '.join(l.strip() for l in lines[1:])
    body = re.sub(r'\[[^\]]*\]', ' ', body)                 # transcriptions
    body = re.sub(r'_(?:I{1,3}|IV|V)\b', ' ', body)         # homonyms _I _II
    toks = re.split(r'(\b\d+\.\s|\b\d+\)\s|_[a-z-]+\.)', body)
    pos, out, senses = None, [], 0
    for t in toks:
        s = t.strip()
        if not s:
            continue
        m = re.fullmatch(r'_([a-z-]+)\.', s)
        if m:
            if m.group(1) in MUELLER_POS:
                pos, senses = MUELLER_POS[m.group(1)], 0
            continue
        if re.fullmatch(r'\d+[.)]', s) or senses >= MAX_SENSES:
            continue
        if re.match(r'^(от|см\.|=)', clean(s)):            # "_pres-p. от baffle"
            continue
        # "поворачивать(ся)": the verb and its reflexive
        s = re.sub(r'([а-яё]+)\((ся|сь)\)', r'\1, \1\2', s)
        # brackets first: "(wrote; written)" is no example
        for _ in range(2):
            s = re.sub(r'\([^()]*\)', ' ', s)
        s = re.sub(r'\{[^{}]*\}', ' ', s)
        s = re.sub(r'^\s*(?:predic|attr)\b[.,]?', ' ', s)   # labels without "_"
        got = False
        for seg in s.split(';'):
            if LATIN.search(seg):                            # examples follow
                break
            for term in clean(seg).split(','):
                term = yo(term.strip().lower())
                if (CYR_TERM.match(term) and len(term.split()) <= MAX_WORDS
                        and not EXPLANATION.match(term)):
                    out.append((term, pos))
                    got = True
        if got:
            senses += 1
    return head, out


REF = re.compile(r'^\s*(?:_[a-z-]+\.\s*)*=\s*([A-Za-z][A-Za-z\' -]*?)\s*$')


# English headwords Mueller capitalises ("Javanese", "Russian"): proper
# nouns and adjectives, pos np
proper_heads = set()


def mueller():
    pairs, terms_of, refs = {}, {}, {}
    entries = dictd('mueller7')
    # a capitalised headword that is also a common word ("May" and "may",
    # "China" and "china") keeps only the common word's translations
    common_heads = set()
    for e in entries:
        h = en_head(e.split('\n')[0].strip())
        if h and not h[1]:
            common_heads.add(h[0])
    for e in entries:
        head, terms = mueller_terms(e)
        h = en_head(head)
        if not h:
            continue
        h, proper = h
        if proper:
            if h in common_heads:
                continue
            proper_heads.add(h)
        body = ' '.join(l.strip() for l in e.split('\n')[1:])
        body = re.sub(r'\[[^\]]*\]', ' ', body)
        m = REF.match(body)
        if m and not terms:              # "everyone = everybody"
            refs[h] = m.group(1).lower()
        for term, pos in terms:
            pairs.setdefault((h, term), pos)
            terms_of.setdefault(h, []).append((term, pos))
    for h, target in sorted(refs.items()):
        for term, pos in terms_of.get(target, []):
            pairs.setdefault((h, term), pos)
    return pairs


def freedict():
    pairs = {}
    for e in dictd('freedict-eng-rus'):
        lines = [l.strip() for l in e.split('\n') if l.strip()]
        if len(lines) < 2:
            continue
        m = lu.HEAD_RE.match(lines[0])
        h = en_head(m.group(1) if m else lines[0])
        if not h:
            continue
        h, proper = h
        if proper:
            proper_heads.add(h)
        for line in lines[1:]:
            for term in clean(line).split(','):
                term = yo(term.strip().lower())
                if CYR_TERM.match(term) and len(term.split()) <= MAX_WORDS:
                    pairs.setdefault((h, term), None)
    return pairs


def read_tsv(path, ncols):
    rows = []
    if not os.path.exists(path):
        return rows
    with open(path, encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#'):
                continue
            rows.append((line.split('\t') + [''] * ncols)[:ncols])
    return rows


def analyses(paths):
    out = []
    for p in paths:
        if not os.path.exists(p):
            lu.die('missing %s' % p)
        for form, lemma, pos, tag in lu.analyser(p):
            pos = RU_POS.get(tag, pos or 'other')
            out.append((yo(form), yo(lemma), pos, tag))
    return out


def forms_for(ana, lemmas, function_tags):
    """Forms whose (lemma, pos) is on the lexicon's side, plus closed classes."""
    out = set()
    for form, lemma, pos, tag in ana:
        f = form.lower()
        if f == lemma.lower():
            continue
        ps = lemmas.get(lemma)
        if (ps is not None and (pos in ps or 'other' in ps)) or tag in function_tags:
            out.add((f, lemma, pos))
    return sorted(out)


# Aspect partners: Mueller gives a verb in one aspect ("заявлять") and a
# Russian text uses the other as often ("заявил"). Imperfective <->
# perfective by the regular suffix pairs, by the stem alternations of the
# common verb families (понимать / понять, собирать / собрать, создавать /
# создать, открывать / открыть, посещать / посетить, приходить / прийти),
# and by a short table of the pairs no rule makes (говорить / сказать); a
# partner is added with the same English only when it is a verb of the
# Russian Hunspell dictionary.
ASPECT_SUFFIXES = (('ять', 'ить'), ('ывать', 'ать'), ('ать', 'ить'), ('бивать', 'бить'),
                   ('вивать', 'вить'), ('ливать', 'лить'), ('пивать', 'пить'),
                   ('шивать', 'шить'), ('шивать', 'шать'), ('ывать', 'ыть'),
                   ('евать', 'еть'), ('авать', 'ать'), ('щать', 'тить'),
                   ('нимать', 'нять'), ('бирать', 'брать'), ('бирать', 'обрать'),
                   ('ирать', 'ереть'), ('сылать', 'слать'), ('сылать', 'ослать'),
                   ('езжать', 'ехать'), ('кладывать', 'ложить'), ('лагать', 'ложить'),
                   ('чинать', 'чать'), ('минать', 'мнить'), ('пускать', 'пустить'))
# prefixed verbs of motion: при-ходить / при-йти, в-ходить / в-ойти,
# при-водить / при-вести (without a prefix both are imperfective)
ASPECT_MOTION = (('ходить', 'йти'), ('ходить', 'ойти'), ('водить', 'вести'),
                 ('носить', 'нести'), ('возить', 'везти'))
# the same letters, different verbs: стоять / стоить; "-авать" pairs with
# "-ать" (передавать / передать), never "-авить" (передавить, "to crush");
# "-инать" with "-ать" (начинать / начать), not "-инить"
ASPECT_NOT = {'стоять', 'стоить'}
ASPECT_NOT_ENDINGS = (('авать', 'авить'), ('инать', 'инить'))
# pairs no rule makes
ASPECT_PAIRS = (('говорить', 'сказать'), ('брать', 'взять'), ('класть', 'положить'),
                ('ловить', 'поймать'), ('возвращать', 'вернуть'), ('садиться', 'сесть'),
                ('ложиться', 'лечь'), ('становиться', 'стать'), ('покупать', 'купить'),
                ('падать', 'упасть'), ('видеть', 'увидеть'), ('слышать', 'услышать'),
                ('хотеть', 'захотеть'), ('пить', 'выпить'), ('ждать', 'подождать'),
                ('учить', 'выучить'), ('идти', 'пойти'), ('готовить', 'приготовить'),
                ('расти', 'вырасти'), ('спрашивать', 'спросить'), ('есть', 'съесть'),
                ('заканчивать', 'закончить'), ('оканчивать', 'окончить'),
                ('уговаривать', 'уговорить'), ('договаривать', 'договорить'),
                ('успокаивать', 'успокоить'), ('устраивать', 'устроить'),
                ('настраивать', 'настроить'), ('встречать', 'встретить'),
                ('отвечать', 'ответить'), ('замечать', 'заметить'), ('отмечать', 'отметить'))
ASPECT_PAIR_OF = {}
for _a, _b in ASPECT_PAIRS:
    ASPECT_PAIR_OF.setdefault(_a, []).append(_b)
    ASPECT_PAIR_OF.setdefault(_b, []).append(_a)
# prefixes that make a perfective of an unprefixed imperfective (делать ->
# сделать); used only for a perfective the dictionaries do not translate,
# never on a verb of two syllables in consonant + -нуть, most often a
# perfective already (вернуть, not навернуть; but тянуть / потянуть, гнуть /
# погнуть)
ASPECT_PREFIXES = ('с', 'по', 'на', 'про')
VOWELS = 'аеиоуыэюя'


def russian_verbs():
    verbs = set()
    path = os.path.join(hf.HUNSPELL_DIR, 'ru_RU.dic')
    if not os.path.exists(path):
        lu.die('missing %s (install hunspell-ru)' % path)
    with open(path, encoding='utf-8') as f:
        for line in f:
            w = yo(line.split('/')[0].strip().lower())
            if w.endswith(('ть', 'ться', 'чь', 'чься', 'ти', 'тись')):
                verbs.add(w)
    return verbs


def syllables(word):
    return sum(word.count(v) for v in VOWELS)


def aspect_candidates(base):
    """The possible aspect partners of a verb without its -ся (not yet
    checked against the dictionary)."""
    out = list(ASPECT_PAIR_OF.get(base, ()))
    # a one-syllable verb has no aspect suffix: брать / брить, жать / жить
    # are different verbs (but дать / давать is a pair)
    short = syllables(base) < 2
    for a, b in ASPECT_SUFFIXES:
        for x, y in ((a, b), (b, a)):
            if not base.endswith(x) or (short and b == 'ить'):
                continue
            c = base[:-len(x)] + y
            if not any(base.endswith(n) and c.endswith(m) or base.endswith(m) and c.endswith(n)
                       for n, m in ASPECT_NOT_ENDINGS):
                out.append(c)
    for a, b in ASPECT_MOTION:
        for x, y in ((a, b), (b, a)):
            if base.endswith(x) and len(base) > len(x):
                out.append(base[:-len(x)] + y)
    return out


def aspect_partners(rows, verbs, ru_known):
    """New (en, ru, 'v') pairs: the aspect partners of the Russian verbs;
    ru_known: the Russian words the dictionaries translate."""
    out = set()
    for en, ru, pos in rows:
        if pos != 'v' or ' ' in ru or ru in ASPECT_NOT:
            continue
        refl = ru.endswith(('ся', 'сь'))
        base = ru[:-2] if refl else ru
        # the reflexive ending after a vowel is -сь (прийтись), else -ся
        cands = [c + ('сь' if c[-1] in VOWELS else 'ся') if refl else c
                 for c in aspect_candidates(base)]
        if not (re.search('[^' + VOWELS + ']нуть$', base) and syllables(base) >= 2) and not any(
                ru.startswith(p) and len(ru) > len(p) + 3 and ru[len(p):] in verbs
                for p in ASPECT_PREFIXES):
            cands += [p + ru for p in ASPECT_PREFIXES if p + ru not in ru_known]
        for c in cands:
            if c in verbs and c not in ASPECT_NOT and c != ru:
                out.add((en, c, 'v'))
    return out - set(rows)


# Declension of Russian names the analysers do not know ("Вашингтон",
# "Южная Корея"): the six cases of the regular patterns, by ending. A
# word that does not decline (Токио, Чили, США) gives itself.
ADJ_ENDINGS = {
    'ий': ['ий', 'ого', 'ому', 'ий', 'им', 'ом'], 'ый': ['ый', 'ого', 'ому', 'ый', 'ым', 'ом'],
    'ой': ['ой', 'ого', 'ому', 'ой', 'ым', 'ом'], 'ая': ['ая', 'ой', 'ой', 'ую', 'ой', 'ой'],
    'яя': ['яя', 'ей', 'ей', 'юю', 'ей', 'ей'], 'ое': ['ое', 'ого', 'ому', 'ое', 'ым', 'ом'],
    'ые': ['ые', 'ых', 'ым', 'ые', 'ыми', 'ых'], 'ие': ['ие', 'их', 'им', 'ие', 'ими', 'их']}


def decline(word):
    """The six case forms (nominative first) of one Russian word."""
    w = word
    if len(w) >= 3 and w[-2:] in ADJ_ENDINGS and not (w[:1].isupper() and w[-2:] in ('ие',)):
        if w[:1].islower() or w[-2:] in ('ая', 'ий', 'ый', 'ое', 'ые'):
            stem = w[:-2]
            return [stem + e for e in ADJ_ENDINGS[w[-2:]]]
    if w.endswith('ия'):
        return [w, w[:-1] + 'и', w[:-1] + 'и', w[:-1] + 'ю', w[:-1] + 'ей', w[:-1] + 'и']
    if w.endswith('а'):
        soft = len(w) > 1 and w[-2] in 'гкхжшщч'
        return [w, w[:-1] + ('и' if soft else 'ы'), w[:-1] + 'е', w[:-1] + 'у',
                w[:-1] + ('ой' if w[-2:-1] not in 'жшщчц' else 'ей'), w[:-1] + 'е']
    if w.endswith('я'):
        return [w, w[:-1] + 'и', w[:-1] + 'е', w[:-1] + 'ю', w[:-1] + 'ей', w[:-1] + 'е']
    if w.endswith(('ь', 'й')):
        return [w, w[:-1] + 'я', w[:-1] + 'ю', w, w[:-1] + 'ем', w[:-1] + 'е']
    if w.endswith('ы') and w[:1].isupper():          # Нидерланды, Афины
        st = w[:-1]
        return [w, st + 'ов', st + 'ам', w, st + 'ами', st + 'ах']
    if w[-1:] in VOWELS or w.isupper() or '-' in w:   # Токио, Чили, США, Нью-Йорк
        if '-' in w and w[-1:] not in VOWELS:
            return [w, w + 'а', w + 'у', w, w + 'ом', w + 'е']
        return [w] * 6
    return [w, w + 'а', w + 'у', w, w + 'ом', w + 'е']


def name_forms(variant, ana_forms):
    """Every form of a Russian name variant: the analysers' (one-word
    lemmas they know), then the regular declension, case by case for a name
    of several words ("Южная Корея", "Южной Кореи", ...)."""
    words = variant.split(' ')
    out = [variant]
    if not any('а' <= ch.lower() <= 'я' for ch in variant):
        return out                     # an English or Spanish variant
    if len(words) == 1:
        cap = variant[:1].isupper()
        for f in sorted(ana_forms.get(variant.lower(), ())):
            if f.isalpha() and ' ' not in f and len(f) >= len(variant) - 3:
                out.append(f[:1].upper() + f[1:] if cap else f)
    cases = [decline(w) for w in words]
    for k in range(6):
        out.append(' '.join(c[k] for c in cases))
    if len(words) == 1 and variant[:1].islower() and variant[-2:] in ('ий', 'ый', 'ой'):
        # an adjective: its feminine, neuter and plural too
        stem, soft = variant[:-2], variant[-2:] == 'ий' or variant[-3:-2] in 'гкхжшщч'
        y = 'и' if soft else 'ы'
        out += [stem + e for e in ('ая', 'ой', 'ую', 'ое', y + 'е', y + 'х', y + 'м', y + 'ми')]
    seen, res = set(), []
    for x in out:
        if x not in seen:
            seen.add(x)
            res.append(x)
    return res


def names_table(en_es, en_ru, ru_ana):
    """The names of en-es with the Russian variants of names-ru.tsv and
    their inflected forms; sorted by canonical form."""
    table = {}
    for canon, variants in read_tsv(os.path.join(en_es, 'names.tsv'), 2):
        table.setdefault(canon, [])
        for v in variants.split('|'):
            if v and v not in table[canon]:
                table[canon].append(v)
    forms = {}
    for form, lemma, pos, tag in ru_ana:
        if pos in ('np', 'n', 'adj', 'num'):
            forms.setdefault(lemma.lower(), set()).add(form.lower())
    for canon, variants in read_tsv(os.path.join(en_ru, 'names-ru.tsv'), 2):
        table.setdefault(canon, [])
        for v in variants.split('|'):
            v = yo(v)
            if not v:
                continue
            todo = name_forms(v, forms)
            for x in todo:
                if x not in table[canon]:
                    table[canon].append(x)
    return sorted(table.items())


README_EN_RU = """\
# English-Russian lexicon data (`lexicon/data/en-ru/`)

The language-pair data Parallax reads for English and Russian: `make`
compiles these files into one image, `lexicon.plx` (made in the build tree
and installed beside them, never committed), mapped only when Russian and
English are compared. Formats as in `lexicon/data/en-es/README.md`.

**Generated** (do not edit by hand; `{command}` or `make lexicon-update-ru`
rebuilds them from Debian packages, see `lexicon/tools/README.md`):
`bilingual.tsv`, `forms-en.tsv`, `forms-ru.tsv`, `forms-en-hunspell.tsv`,
`forms-ru-hunspell.tsv`, `names.tsv`, `stop-en.txt` (a copy of en-es's) and
this `README.md`. **Written by hand** (GPL-3.0-or-later, like the project):
`supplement.tsv` (closed-class pairs and what the dictionaries lack),
`exclusions.tsv`, `expansions.tsv` (English negative contractions),
`names-ru.tsv` (Russian variants of the names table), `stop-ru.txt`.
Everywhere `ё` is written `е`, as the program folds it.

## `bilingual.tsv` ({n_bil} lemma pairs)

`en<TAB>ru<TAB>pos<TAB>src`; `src`: `m` Mueller only ({src_m}), `f` FreeDict
only ({src_f}), `mf` both ({src_mf}), `s` supplement ({src_s}), `asp` the
aspect partner of a Russian verb of the others ({src_asp}: "заявлять" gives
"заявить" when the Russian Hunspell dictionary has it).

From Mueller's dictionary, for each English headword of up to three words:
the first {max_senses} senses of each part of speech (`_n.`, `_v.`, `_a.`...), in
each sense the comma-separated Russian translations of up to {max_words} words
before the first example (a segment with Latin letters); labels (`_разг.`),
bracketed explanations, transcriptions and idiom sub-senses are left out; an
entry that only refers to another (`everyone = everybody`) takes its
translations. Parts of speech: Mueller's label, else the Russian analysers'.

## `forms-ru.tsv` ({n_forms_ru}), `forms-ru-hunspell.tsv` ({n_hforms_ru})

Russian forms -> lemmas: from the analysers of Apertium rus-ukr and
bel-rus (`rus-ukr.automorf.bin`, `rus-bel.automorf.bin`) for the lemmas of
`bilingual.tsv` and closed classes; then the forms Hunspell's Russian
dictionary (`ru_RU`) gives for the lemmas the analysers do not know
(`lexicon/tools/hunspell-forms.py`).

## `forms-en.tsv` ({n_forms_en}), `forms-en-hunspell.tsv` ({n_hforms_en})

English forms of the English lemmas, from Apertium eng-spa's analyser and
Hunspell `en_US`.

## `names.tsv`

The names table of en-es with the Russian variants of `names-ru.tsv` and
their inflected forms from the analysers ("Россия": "России", "Россию"...;
acronyms such as США are not inflected).

## Sources and licenses

| Debian package | version | license | used for |
| --- | --- | --- | --- |
{packages}

Mueller's English-Russian dictionary (`mueller7-dict`) and FreeDict
(`dict-freedict-eng-rus`) are GPL-2+; the Apertium data (GPL-3+); Hunspell's
Russian dictionary (`hunspell-ru`, BSD-style: "modified versions must be
clearly marked": the forms here are derived from it and marked as such in
`forms-ru-hunspell.tsv`'s header). The derived tables are distributed under
GPL-3.0-or-later, compatible with all of them.
"""

README_ES_RU = """\
# Spanish-Russian lexicon data (`lexicon/data/es-ru/`)

**Generated** by `{command}` from `lexicon/data/en-es` and
`lexicon/data/en-ru` (do not edit by hand). No Debian package pairs Spanish
with Russian, and WikDict's files are CC BY-SA 3.0 (not GPL-compatible), so
the pairs go through English.

## `bilingual.tsv` ({n_piv} lemma pairs of {n_via} through English)

`es<TAB>ru<TAB>pos<TAB>pN`: a Spanish and a Russian lemma that translate the
same English lemma, with compatible parts of speech (a noun meets a proper
noun), kept when N >= 2 English lemmas lead from one to the other, or when
the English lemma has at most {fanout} translations in each language in the
pair's part of speech (so that "bank" does not join "orilla" to "банк", but
"water" joins "agua" to "вода"). N is given as `pN` (capped at 9). An English
word of en-es in British spelling meets its American spelling in en-ru
("organisation", "organization").

Source `s`: the pairs of `supplement.tsv` (written by hand, GPL-3.0-or-later,
like the project): modal and closed-class words whose parts of speech differ
between the dictionaries ("poder" / "можно", "porque" / "потому") and parts
of Spanish phrases ("a través de" / "через").

## Forms, names, stop words

`forms-es.tsv` and `forms-ru.tsv`: the forms of en-es and en-ru (Apertium
and Hunspell tables merged) whose lemma is in this `bilingual.tsv`, and
closed classes; the `forms-*-hunspell.tsv` files are empty markers (the
Hunspell forms are merged in). `names.tsv` is en-ru's; `stop-es.txt`,
`clitics-es.txt` come from en-es and `stop-ru.txt` from en-ru.

## Licenses

As the files they come from: GPL-3.0-or-later tables derived from GPL-2+
(Mueller, FreeDict) and GPL-3+ (Apertium) sources and Hunspell's
dictionaries; see `lexicon/data/en-es/README.md` and
`lexicon/data/en-ru/README.md`.
"""

PKG_USE = {
    'mueller7-dict': ('GPL-2+', 'English-Russian pairs'),
    'dict-freedict-eng-rus': ('GPL-2+', 'English-Russian pairs'),
    'apertium-rus-ukr': ('GPL-3+', 'Russian forms and parts of speech'),
    'apertium-bel-rus': ('GPL-3+', 'Russian forms and parts of speech'),
    'apertium-eng-spa': ('GPL-3+', 'English forms'),
    'lttoolbox': ('GPL-2+', 'lt-print, to read the Apertium transducers'),
    'hunspell-ru': ('BSD-style', 'Russian forms, aspect partners'),
    'hunspell-en-us': ('BSD/MIT-style', 'English forms'),
}


def pivot_pos(pe, pr):
    """The part of speech of a Spanish-Russian pair through English, or
    None when the two sides' cannot meet. A noun meets a proper noun:
    Mueller's capitalised headwords ("North") make every sense np."""
    if pe == pr or pr == 'other':
        return pe
    if pe == 'other':
        return pr
    if {pe, pr} == {'n', 'np'}:
        return 'n'
    return None


# British and American spelling: en-es (Apertium) writes "organisation",
# "colour", "centre", Mueller "organization", "color" as often as not.
SPELLINGS = (('isation', 'ization'), ('ise', 'ize'), ('ised', 'ized'), ('ises', 'izes'),
             ('ising', 'izing'), ('iser', 'izer'), ('yse', 'yze'), ('our', 'or'),
             ('ours', 'ors'), ('tre', 'ter'), ('tres', 'ters'), ('ence', 'ense'),
             ('ogue', 'og'), ('elled', 'eled'), ('elling', 'eling'), ('eller', 'eler'))


def en_spellings(word):
    """The word in the other spelling, by the regular differences (to be
    checked against a dictionary: "rise" is no "rize")."""
    out = []
    for a, b in SPELLINGS:
        for x, y in ((a, b), (b, a)):
            if word.endswith(x) and len(word) > len(x) + 2:
                out.append(word[:-len(x)] + y)
    return out


def spelling_forms(en_ana, lemmas):
    """Forms rows (form, lemma, pos) for English words the lexicon knows
    only in the other spelling: "organisation", "organisations" ->
    "organization" when the analyser knows "organisation" as a lemma."""
    out = set()
    for form, lemma, pos, _ in en_ana:
        if lemma in lemmas:
            continue
        for v in en_spellings(lemma):
            if v in lemmas and (pos in lemmas[v] or 'other' in lemmas[v]):
                out.add((form.lower(), v, pos))
                out.add((lemma, v, pos))
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument('--outdir', default='lexicon/data/en-ru')
    ap.add_argument('--es-outdir', default='lexicon/data/es-ru')
    ap.add_argument('--en-es', default='lexicon/data/en-es')
    args = ap.parse_args()
    versions = {p: lu.pkg_version(p) for p in PKGS}

    log('Russian analysers ...')
    ru_ana = analyses(RU_ANALYSERS)
    ru_pos = {}
    for form, lemma, pos, tag in ru_ana:
        if form == lemma:
            ru_pos.setdefault(lemma, set()).add(pos)
    log('  %d analyses, %d lemmas' % (len(ru_ana), len(ru_pos)))

    log('Mueller, FreeDict ...')
    mu, fd = mueller(), freedict()
    src = {}
    for (en, ru), pos in mu.items():
        src[(en, ru)] = ['m', pos]
    for (en, ru), pos in fd.items():
        if (en, ru) in src:
            src[(en, ru)][0] = 'mf'
        else:
            src[(en, ru)] = ['f', pos]
    excluded = {(r[0], r[1]) for r in read_tsv(os.path.join(args.outdir, 'exclusions.tsv'), 2)}
    rows = {}
    for (en, ru), (s, pos) in src.items():
        if (en, ru) in excluded:
            continue
        # the part of speech: Mueller's label, else the analysers' for a
        # one-word Russian term, else 'other'
        if pos is None:
            ps = ru_pos.get(ru, set())
            pos = next((p for p in lu.POS_PRIORITY if p in ps), 'other')
        if en in proper_heads:
            pos = 'np'
        rows[(en, ru, pos)] = s
    for en, ru, pos in read_tsv(os.path.join(args.outdir, 'supplement.tsv'), 3):
        if en and ru:
            rows.setdefault((en, yo(ru), pos or 'other'), 's')
    dict_ru = {ru for (_, ru, _), src_ in rows.items() if src_ != 's'}
    for key in sorted(aspect_partners(list(rows), russian_verbs(), dict_ru)):
        if (key[0], key[1]) not in excluded:
            rows.setdefault(key, 'asp')
    bil = sorted((en, ru, pos, s) for (en, ru, pos), s in rows.items())
    n_src = {k: sum(1 for r in bil if r[3] == k) for k in ('m', 'f', 'mf', 's', 'asp')}
    log('  bilingual: %d pairs %r' % (len(bil), n_src))

    side = {'en': {}, 'ru': {}}
    for en, ru, pos, _ in bil:
        side['en'].setdefault(en, set()).add(pos)
        side['ru'].setdefault(ru, set()).add(pos)
    forms_ru = forms_for(ru_ana, side['ru'], RU_FUNCTION_TAGS)
    log('English analyser ...')
    en_ana = [(f, l, lu.POS_MAP.get(t, p or 'other'), t) for f, l, p, t in lu.analyser(EN_ANALYSER)]
    forms_en = forms_for(en_ana, side['en'], lu.FUNCTION_TAGS)
    known_en = {f for f, _, _ in forms_en} | set(side['en'])
    forms_en = sorted(set(forms_en) | {r for r in spelling_forms(en_ana, side['en'])
                                       if r[0] not in known_en})

    os.makedirs(args.outdir, exist_ok=True)
    vline = ', '.join('%s %s' % (p, versions[p]) for p in PKGS)
    hdr = ['Generated by: %s; do not edit by hand.' % COMMAND,
           'From Debian packages: ' + vline,
           'See README.md in this directory for sources and licenses.']
    lu.write_tsv(os.path.join(args.outdir, 'bilingual.tsv'), [
        'Parallax English-Russian bilingual lexicon (lemma pairs).',
        'Format: en<TAB>ru<TAB>pos<TAB>src; pos as in en-es; src is m (Mueller),'
        ' f (FreeDict eng-rus), mf (both), s (supplement.tsv) or asp (the aspect'
        ' partner of a verb of the others).',
    ] + hdr + ['Entries: %d' % len(bil)], bil)
    lu.write_tsv(os.path.join(args.outdir, 'forms-ru.tsv'), [
        'Parallax Russian inflected forms -> lemmas (ё written е).',
        'Format: form<TAB>lemma<TAB>pos; from Apertium rus-ukr and rus-bel'
        ' automorf.bin; forms equal to their lemma are omitted.',
    ] + hdr + ['Entries: %d' % len(forms_ru)], forms_ru)
    lu.write_tsv(os.path.join(args.outdir, 'forms-en.tsv'), [
        'Parallax English inflected forms -> lemmas.',
        'Format: form<TAB>lemma<TAB>pos; from Apertium eng-spa.automorf.bin;'
        ' forms equal to their lemma are omitted.',
    ] + hdr + ['Entries: %d' % len(forms_en)], forms_en)
    with open(os.path.join(args.en_es, 'stop-en.txt'), encoding='utf-8') as f:
        stop_en = f.read()
    with open(os.path.join(args.outdir, 'stop-en.txt'), 'w', encoding='utf-8') as f:
        f.write(stop_en)
    names = names_table(args.en_es, args.outdir, ru_ana)
    for d in (args.outdir, args.es_outdir):
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, 'names.tsv'), 'w', encoding='utf-8', newline='\n') as f:
            f.write('# Names and their forms in English, Spanish and Russian: '
                    'CANONICAL<TAB>VARIANT|VARIANT|...\n'
                    '# Generated by: %s from lexicon/data/en-es/names.tsv and '
                    'lexicon/data/en-ru/names-ru.tsv (both written for Parallax,\n'
                    '# GPL-3.0-or-later), the Russian forms from the Apertium analysers; '
                    'do not edit by hand.\n' % COMMAND)
            for canon, variants in names:
                f.write('%s\t%s\n' % (canon, '|'.join(variants)))
    log('Hunspell forms (en-ru) ...')
    hcount = hf.write_all(args.outdir)

    # ---- Spanish-Russian, through English ----
    es_of, ru_of = {}, {}
    for en, es, pos, _ in (tuple(r) for r in read_tsv(os.path.join(args.en_es, 'bilingual.tsv'), 4)):
        es_of.setdefault(en, set()).add((es, pos))
    for en, ru, pos, _ in bil:
        ru_of.setdefault(en, set()).add((ru, pos))
    # an English word of one dictionary in the other's spelling
    for en in sorted(set(es_of) - set(ru_of)):
        for v in en_spellings(en):
            if v in ru_of and v not in es_of:
                ru_of[en] = ru_of[v]
    # how many translations each English word has in each part of speech
    n_pos = {}
    for side, of in (('es', es_of), ('ru', ru_of)):
        for en, trs in of.items():
            for _, p in trs:
                n_pos[(side, en, p)] = n_pos.get((side, en, p), 0) + 1
    via = {}
    for en in es_of.keys() & ru_of.keys():
        for es, pe in es_of[en]:
            for ru, pr in ru_of[en]:
                pos = pivot_pos(pe, pr)
                if pos is None:
                    continue
                via.setdefault((es, ru, pos), {})[en] = (pe, pr)
    piv = []
    for (es, ru, pos), ens in via.items():
        # through two English words, or one with few translations in the
        # pair's parts of speech ("water": 3 Spanish, 12 Russian nouns,
        # though 27 Russian words in all)
        if len(ens) >= 2 or any(n_pos[('es', e, pe)] <= MAX_FANOUT and
                                n_pos[('ru', e, pr)] <= MAX_FANOUT for e, (pe, pr) in ens.items()):
            piv.append((es, ru, pos, 'p%d' % min(len(ens), 9)))
    # hand-written pairs (supplement.tsv of es-ru)
    seen = {(r[0], r[1]) for r in piv}
    for es, ru, pos in read_tsv(os.path.join(args.es_outdir, 'supplement.tsv'), 3):
        if es and ru and (es, yo(ru)) not in seen:
            piv.append((es, yo(ru), pos or 'other', 's'))
            seen.add((es, yo(ru)))
    piv.sort()
    log('  es-ru: %d of %d pairs through English kept, with supplement.tsv' % (len(piv), len(via)))
    os.makedirs(args.es_outdir, exist_ok=True)
    phdr = ['Generated by: %s from lexicon/data/en-es and lexicon/data/en-ru;'
            ' do not edit by hand.' % COMMAND] + hdr[1:]
    lu.write_tsv(os.path.join(args.es_outdir, 'bilingual.tsv'), [
        'Parallax Spanish-Russian bilingual lexicon (lemma pairs, through English).',
        'Format: es<TAB>ru<TAB>pos<TAB>src; src pN: N English words lead from one to the other;'
        ' s: supplement.tsv (written by hand).',
    ] + phdr + ['Entries: %d' % len(piv)], piv)
    # the forms of both sides as en-es and en-ru have them (Apertium and
    # Hunspell together), for the lemmas of this lexicon and closed classes
    lemmas = {'es': {r[0] for r in piv}, 'ru': {r[1] for r in piv}}
    def merged(lang, paths):
        rows = set()
        for path in paths:
            rows.update(tuple(r) for r in read_tsv(path, 3)
                        if r[0] and r[1] and (r[1] in lemmas[lang] or
                                              r[2] in ('pr', 'det', 'prn', 'cnj')))
        return sorted(rows)
    for lang, src_dir in (('es', args.en_es), ('ru', args.outdir)):
        rows = merged(lang, [os.path.join(src_dir, 'forms-%s.tsv' % lang),
                             os.path.join(src_dir, 'forms-%s-hunspell.tsv' % lang)])
        lu.write_tsv(os.path.join(args.es_outdir, 'forms-%s.tsv' % lang), [
            'Parallax %s inflected forms -> lemmas: forms-%s.tsv and forms-%s-hunspell.tsv'
            ' of %s, merged.' % (lang, lang, lang, os.path.basename(src_dir)),
        ] + phdr + ['Entries: %d' % len(rows)], rows)
        with open(os.path.join(args.es_outdir, 'forms-%s-hunspell.tsv' % lang), 'w',
                  encoding='utf-8', newline='\n') as f:
            f.write('# The Hunspell forms of %s are in forms-%s.tsv; this file says that the\n'
                    '# compiled lexicon holds them (Hunspell is not loaded for the packaged'
                    ' data).\n' % (lang, lang))
    for name, src_dir in (('stop-es.txt', args.en_es), ('clitics-es.txt', args.en_es),
                          ('stop-ru.txt', args.outdir)):
        with open(os.path.join(src_dir, name), encoding='utf-8') as f:
            data = f.read()
        with open(os.path.join(args.es_outdir, name), 'w', encoding='utf-8') as f:
            f.write(data)
    versions.setdefault('hunspell-ru', lu.pkg_version('hunspell-ru'))
    versions.setdefault('hunspell-en-us', lu.pkg_version('hunspell-en-us'))
    packages = '\n'.join('| `%s` | %s | %s | %s |' % (p, versions[p], PKG_USE[p][0], PKG_USE[p][1])
                         for p in sorted(PKG_USE))
    with open(os.path.join(args.outdir, 'README.md'), 'w', encoding='utf-8') as f:
        f.write(README_EN_RU.format(
            command=COMMAND, n_bil=len(bil), max_senses=MAX_SENSES, max_words=MAX_WORDS,
            src_m=n_src['m'], src_f=n_src['f'], src_mf=n_src['mf'], src_s=n_src['s'],
            src_asp=n_src['asp'], n_forms_ru=len(forms_ru), n_forms_en=len(forms_en),
            n_hforms_ru=hcount.get('ru', 0), n_hforms_en=hcount.get('en', 0),
            packages=packages))
    with open(os.path.join(args.es_outdir, 'README.md'), 'w', encoding='utf-8') as f:
        f.write(README_ES_RU.format(command=COMMAND, n_piv=len(piv), n_via=len(via),
                                    fanout=MAX_FANOUT))
    log('done: en-ru %d pairs, forms ru %d, en %d; es-ru %d pairs; hunspell %r'
        % (len(bil), len(forms_ru), len(forms_en), len(piv), hcount))


if __name__ == '__main__':
    main()
