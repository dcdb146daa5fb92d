#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# lexicon-update.py - rebuild Parallax's English-Spanish lexicon data files
# from the Apertium eng-spa language pair and the FreeDict eng-spa/spa-eng
# dictionaries installed as Debian packages.
#
# Usage: python3 lexicon/tools/lexicon-update.py [OUTDIR]
#        (default OUTDIR: lexicon/data/en-es)
#
# Requirements (Debian packages): python3, lttoolbox (lt-print),
# apertium-eng-spa, dict-freedict-eng-spa, dict-freedict-spa-eng; and, to
# check FreeDict words (optional, recommended), libhunspell-1.7-0,
# hunspell-en-us and hunspell-es.  Only the Python standard library is used
# (libhunspell through ctypes).
#
# The output is deterministic: every file is sorted and carries no
# timestamp, so running the script twice on the same package versions gives
# byte-identical files.  See lexicon/tools/README.md.

import argparse
import gzip
import os
import re
import subprocess
import sys

APERTIUM_PKG = 'apertium-eng-spa'
LTTOOLBOX_PKG = 'lttoolbox'
FREEDICT_PKGS = ('dict-freedict-eng-spa', 'dict-freedict-spa-eng')
DEFAULT_APERTIUM_DIR = '/usr/share/apertium/apertium-eng-spa'
DEFAULT_DICTD_DIR = '/usr/share/dictd'
DEFAULT_OUTDIR = 'lexicon/data/en-es'
COMMAND = 'python3 lexicon/tools/lexicon-update.py'

# Apertium first tag -> coarse part of speech.
POS_MAP = {
    'vblex': 'v', 'vbmod': 'v', 'vbser': 'v', 'vbhaver': 'v', 'vaux': 'v',
    'vbdo': 'v',
    'n': 'n', 'np': 'np', 'adj': 'adj',
    'adv': 'adv', 'preadv': 'adv',
    'pr': 'pr',
    'det': 'det', 'predet': 'det',
    'prn': 'prn', 'rel': 'prn',
    'cnjcoo': 'cnj', 'cnjsub': 'cnj', 'cnjadv': 'cnj',
    'num': 'num', 'ij': 'ij',
}
# Tags whose forms are kept in forms-*.tsv even when the lemma is not in
# bilingual.tsv (closed classes and auxiliary/modal verbs).
FUNCTION_TAGS = {'vbmod', 'vbser', 'vbhaver', 'vaux', 'vbdo', 'pr', 'det',
                 'predet', 'prn', 'rel', 'cnjcoo', 'cnjsub', 'cnjadv'}
# Order used to choose one part of speech for a FreeDict pair when several
# are possible.
POS_PRIORITY = ['n', 'v', 'adj', 'adv', 'pr', 'det', 'prn', 'cnj', 'num',
                'ij', 'np', 'other']
HUNSPELL_PKGS = ('hunspell-en-us', 'hunspell-es')
HUNSPELL_LIB = 'libhunspell-1.7.so.0'
DEFAULT_HUNSPELL_DIR = '/usr/share/hunspell'
MAX_WORDS = 3          # longest FreeDict lemma kept, in words
MAX_PATHS = 5000000    # safety limit per transducer section


def die(msg):
    sys.stderr.write('lexicon-update: %s\n' % msg)
    sys.exit(1)


def log(msg):
    sys.stderr.write('lexicon-update: %s\n' % msg)


def pkg_version(pkg):
    try:
        out = subprocess.run(['dpkg-query', '-W', '-f=${Version}', pkg],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             check=True)
    except (OSError, subprocess.CalledProcessError):
        die('cannot get the version of Debian package %s (is it installed?)'
            % pkg)
    return out.stdout.decode('utf-8').strip()


# ---------------------------------------------------------------------------
# Apertium / lttoolbox transducers

def lt_print(path):
    """Run lt-print and return its sections as (arcs, finals) pairs.

    lt-print writes one AT&T-style block per section of the binary,
    separated by lines '--'.  Arc lines are 'from to in out weight', final
    states 'state weight'.  The epsilon symbol is printed as 'ε', spaces
    literally, and multicharacter symbols (tags) as '<tag>'.
    """
    if not os.path.exists(path):
        die('missing %s' % path)
    env = dict(os.environ, LC_ALL='C.UTF-8')
    try:
        res = subprocess.run(['lt-print', path], stdout=subprocess.PIPE,
                             env=env, check=True)
    except OSError:
        die('lt-print not found (install the lttoolbox package)')
    except subprocess.CalledProcessError as e:
        die('lt-print %s failed with status %d' % (path, e.returncode))
    sections = []
    arcs, finals = {}, set()
    for line in res.stdout.decode('utf-8').split('\n'):
        if line == '--':
            sections.append((arcs, finals))
            arcs, finals = {}, set()
            continue
        if not line:
            continue
        f = line.split('\t')
        if len(f) >= 4:
            src, dst = int(f[0]), int(f[1])
            a = '' if f[2] == 'ε' else f[2]
            b = '' if f[3] == 'ε' else f[3]
            arcs.setdefault(src, []).append((dst, a, b))
        else:
            finals.add(int(f[0]))
    if arcs or finals:
        sections.append((arcs, finals))
    return sections


def cyclic_states(arcs):
    """States lying on a cycle (iterative Tarjan SCC)."""
    index, low, onstack, stack = {}, {}, set(), []
    cyclic = set()
    counter = 0
    nodes = set(arcs)
    for lst in arcs.values():
        for dst, _, _ in lst:
            nodes.add(dst)
    for root in sorted(nodes):
        if root in index:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        onstack.add(root)
        work = [(root, 0)]
        while work:
            v, i = work[-1]
            lst = arcs.get(v, ())
            if i < len(lst):
                work[-1] = (v, i + 1)
                w = lst[i][0]
                if w not in index:
                    index[w] = low[w] = counter
                    counter += 1
                    stack.append(w)
                    onstack.add(w)
                    work.append((w, 0))
                elif w in onstack:
                    low[v] = min(low[v], index[w])
                continue
            work.pop()
            if work:
                u = work[-1][0]
                low[u] = min(low[u], low[v])
            if low[v] == index[v]:
                comp = []
                while True:
                    w = stack.pop()
                    onstack.discard(w)
                    comp.append(w)
                    if w == v:
                        break
                if len(comp) > 1 or any(d == v for d, _, _ in arcs.get(v, ())):
                    cyclic.update(comp)
    return cyclic


def enumerate_paths(arcs, finals, prune=None):
    """All (input, output) strings on paths from state 0 to a final state.

    Arcs into states that lie on a cycle are not followed: those are the
    regular-expression parts of a transducer (numbers, URLs, "any
    character" loops) and would give infinitely many paths.  `prune(inp,
    out)` may return True to abandon a partial path early.
    """
    cyc = cyclic_states(arcs)
    result = []
    if 0 in finals:
        result.append(('', ''))
    st_state, st_idx, st_in, st_out = [0], [0], [''], ['']
    while st_state:
        s = st_state[-1]
        i = st_idx[-1]
        lst = arcs.get(s, ())
        if i >= len(lst):
            st_state.pop()
            st_idx.pop()
            st_in.pop()
            st_out.pop()
            continue
        st_idx[-1] = i + 1
        dst, a, b = lst[i]
        if dst in cyc:
            continue
        ni = st_in[-1] + a
        no = st_out[-1] + b
        if prune is not None and prune(ni, no):
            continue
        if dst in finals:
            result.append((ni, no))
            if len(result) > MAX_PATHS:
                die('too many paths in a transducer section')
        st_state.append(dst)
        st_idx.append(0)
        st_in.append(ni)
        st_out.append(no)
    return result


def transducer_paths(path, prune=None):
    out = []
    for arcs, finals in lt_print(path):
        out.extend(enumerate_paths(arcs, finals, prune))
    return out


TAG_RE = re.compile(r'<([^<>]+)>')
HAS_DIGIT = re.compile(r'[0-9]')
HAS_LETTER = re.compile(r'[^\W\d_]')


def split_analysis(s):
    """'take<vblex><past># out' -> ('take out', ['vblex', 'past'])."""
    s = s.replace('<b/>', ' ')
    tags = TAG_RE.findall(s)
    lemma = TAG_RE.sub('', s).replace('#', '')
    lemma = ' '.join(lemma.split())
    return lemma, tags


def norm_lemma(lemma, pos):
    return lemma if pos == 'np' else lemma.lower()


def coarse(tags):
    if not tags:
        return None
    return POS_MAP.get(tags[0], 'other')


def bad_lemma(s):
    return (not s or HAS_DIGIT.search(s) is not None
            or HAS_LETTER.search(s) is None or '<' in s or '>' in s
            or '\t' in s)


def apertium_bilingual(path, en_is_input):
    """Pairs (en, es, pos) from an Apertium autobil transducer."""
    pairs = set()
    def prune(inp, out):
        # digits outside tags (tags such as <p3> have digits too)
        return (HAS_DIGIT.search(TAG_RE.sub('', inp)) is not None
                or HAS_DIGIT.search(TAG_RE.sub('', out)) is not None)
    for inp, out in transducer_paths(path, prune):
        en_s, es_s = (inp, out) if en_is_input else (out, inp)
        en, en_tags = split_analysis(en_s)
        es, es_tags = split_analysis(es_s)
        if bad_lemma(en) or bad_lemma(es):
            continue
        pos = coarse(en_tags) or coarse(es_tags) or 'other'
        if pos == 'other' and coarse(es_tags):
            pos = coarse(es_tags)
        # Keep number words only when the English side is one word
        # ("billion"); drop the generated combinations ("sixty-three
        # thousand").
        if pos == 'num' and (' ' in en or '-' in en):
            continue
        pairs.add((norm_lemma(en, pos), norm_lemma(es, pos), pos))
    return pairs


def analyser(path):
    """Analyses (form, lemma, pos, first_tag) from an automorf transducer.

    Paths whose output contains '+' (clitics, joined words) are cut as soon
    as the '+' appears; so are paths whose surface side contains a digit.
    """
    def prune(inp, out):
        return '+' in out or HAS_DIGIT.search(inp) is not None
    res = []
    for inp, out in transducer_paths(path, prune):
        lemma, tags = split_analysis(out)
        if not tags or bad_lemma(lemma) or bad_lemma(inp):
            continue
        pos = coarse(tags)
        res.append((' '.join(inp.split()), norm_lemma(lemma, pos), pos,
                    tags[0]))
    return res


# ---------------------------------------------------------------------------
# FreeDict (dictd format)

B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'


def b64num(s):
    n = 0
    for c in s:
        n = n * 64 + B64.index(c)
    return n


def dictd_entries(dictd_dir, name):
    idx = os.path.join(dictd_dir, 'freedict-%s.index' % name)
    dz = os.path.join(dictd_dir, 'freedict-%s.dict.dz' % name)
    for p in (idx, dz):
        if not os.path.exists(p):
            die('missing %s' % p)
    with gzip.open(dz) as f:
        data = f.read()
    seen = set()
    out = []
    with open(idx, encoding='utf-8') as f:
        for line in f:
            fields = line.rstrip('\n').split('\t')
            if len(fields) < 3 or fields[0].startswith('00database'):
                continue
            off, ln = b64num(fields[1]), b64num(fields[2])
            if (off, ln) in seen:
                continue
            seen.add((off, ln))
            out.append(data[off:off + ln].decode('utf-8'))
    return out


HEAD_RE = re.compile(r'^(.*?)\s+/([^/]*)/\s*$')
SENSE_RE = re.compile(r'^\s*\d+\.\s*')
IPA_SKIP = re.compile(r'[ˈˌː\s.]')
ES_INFINITIVE = re.compile(r'(?:ar|er|ir|ír)(?:se)?$')
WORD_OK = re.compile(r"^[^\W\d_]+(?:[-'][^\W\d_]+)*$")


def clean_term(t):
    t = t.replace('\u2010', '-').replace('\u2011', '-')
    t = re.sub(r'\([^()]*\)', ' ', t)
    t = re.sub(r'\[[^\[\]]*\]', ' ', t)
    t = re.sub(r'<[^<>]*>', ' ', t)
    return ' '.join(t.split()).strip(' .;:')


class Hunspell:
    """Spell checker through libhunspell (ctypes), used only to tell real
    words from FreeDict's run-together multiwords."""

    def __init__(self, aff, dic):
        import ctypes
        self.lib = ctypes.CDLL(HUNSPELL_LIB)
        self.lib.Hunspell_create.restype = ctypes.c_void_p
        self.lib.Hunspell_create.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        self.lib.Hunspell_spell.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
        self.h = self.lib.Hunspell_create(aff.encode(), dic.encode())
        if not self.h:
            raise OSError('Hunspell_create failed for %s' % dic)

    def ok(self, w):
        for v in (w, w.lower(), w[:1].upper() + w[1:].lower()):
            if self.lib.Hunspell_spell(self.h, v.encode('utf-8')):
                return True
        return False


def term_ok(t, known, speller):
    """Plausible lemma: 1-3 words of letters, each known to the Apertium
    analyser or to Hunspell for that language (this drops FreeDict's
    run-together multiwords such as 'carreterasecundaria')."""
    words = t.split()
    if not words or len(words) > MAX_WORDS:
        return False
    for w in words:
        if not WORD_OK.match(w):
            return False
        # Internal capital letter: 'LosPaísesBajos', 'NewYear'sDay'.
        if any(c.isupper() for c in w[1:]) and not w.isupper():
            return False
        if w.lower() in known or (speller is not None and speller.ok(w)):
            continue
        parts = [p for p in re.split(r"[-']", w.lower()) if p]
        if not all(p in known for p in parts):
            return False
    return True


def parse_freedict(entries, known_head, known_trans, spell_head,
                   spell_trans):
    """(headword, translation) pairs from dictd FreeDict entries.

    An entry is 'headword /pronunciation/' followed by lines of
    translations, optionally numbered '1. ', separated by commas.
    Entries whose pronunciation is much longer than the headword are
    multiword headwords that the conversion truncated to their first word
    (eng-spa has e.g. 'go /goutoubd/' for "go to bed") and are dropped.
    """
    pairs = set()
    dropped = {'truncated': 0, 'headword': 0, 'translation': 0}
    parsed = []
    truncated = set()
    for ent in entries:
        lines = ent.rstrip('\n').split('\n')
        m = HEAD_RE.match(lines[0])
        head = m.group(1) if m else lines[0]
        body = '\n'.join(lines[1:])
        if m:
            letters = re.sub(r'[^\w]', '', head)
            if len(IPA_SKIP.sub('', m.group(2))) > len(letters) + 2:
                truncated.add((head, body))
        parsed.append((head, body))
    for head, body in parsed:
        # A truncated entry, or a copy of one with a corrected
        # pronunciation ('frying /fraiiŋpæn/' and 'frying /fɹˈaɪɪŋ/', both
        # -> 'sartén').
        if (head, body) in truncated:
            dropped['truncated'] += 1
            continue
        head = clean_term(head)
        if not term_ok(head, known_head, spell_head):
            dropped['headword'] += 1
            continue
        for line in body.split('\n'):
            line = SENSE_RE.sub('', line)
            for t in re.split(r'[,;]', line):
                t = clean_term(t)
                if not t:
                    continue
                if not term_ok(t, known_trans, spell_trans):
                    dropped['translation'] += 1
                else:
                    pairs.add((head, t))
    return pairs, dropped


# ---------------------------------------------------------------------------

# Personal pronouns, paired by hand (they replace Apertium's 'prpers').
PRONOUNS = [
    ('i', 'yo'), ('me', 'me'), ('me', 'mí'), ('you', 'tú'), ('you', 'usted'),
    ('you', 'ustedes'), ('you', 'vosotros'), ('you', 'vosotras'), ('you', 'te'),
    ('you', 'ti'), ('you', 'os'), ('he', 'él'), ('him', 'él'), ('him', 'lo'),
    ('him', 'le'), ('she', 'ella'), ('her', 'ella'), ('her', 'la'), ('her', 'le'),
    ('it', 'lo'), ('it', 'la'), ('it', 'ello'), ('we', 'nosotros'),
    ('we', 'nosotras'), ('us', 'nos'), ('us', 'nosotros'), ('they', 'ellos'),
    ('they', 'ellas'), ('them', 'ellos'), ('them', 'ellas'), ('them', 'los'),
    ('them', 'las'), ('them', 'les'), ('myself', 'me'), ('yourself', 'te'),
    ('himself', 'se'), ('herself', 'se'), ('itself', 'se'), ('ourselves', 'nos'),
    ('themselves', 'se'),
]


def write_tsv(path, header, rows):
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        for h in header:
            f.write(('# ' + h).rstrip() + '\n')
        for r in rows:
            f.write('\t'.join(r) + '\n')


def choose_pos(cands):
    for p in POS_PRIORITY:
        if p in cands:
            return p
    return 'other'


def main():
    ap = argparse.ArgumentParser(
        description='Rebuild the en-es lexicon data files from Apertium '
        'eng-spa and FreeDict.')
    ap.add_argument('outdir', nargs='?', default=DEFAULT_OUTDIR)
    ap.add_argument('--apertium-dir', default=DEFAULT_APERTIUM_DIR)
    ap.add_argument('--dictd-dir', default=DEFAULT_DICTD_DIR)
    ap.add_argument('--hunspell-dir', default=DEFAULT_HUNSPELL_DIR)
    args = ap.parse_args()

    versions = {p: pkg_version(p)
                for p in (APERTIUM_PKG, LTTOOLBOX_PKG) + FREEDICT_PKGS}
    A = args.apertium_dir

    log('reading Apertium analysers')
    morf = {
        'en': analyser(os.path.join(A, 'eng-spa.automorf.bin')),
        'es': analyser(os.path.join(A, 'spa-eng.automorf.bin')),
    }
    known = {}
    lemma_pos = {}
    for lang, ana in morf.items():
        kw = set()
        lp = {}
        for form, lemma, pos, _ in ana:
            for w in form.lower().split():
                kw.add(w)
            for w in lemma.lower().split():
                kw.add(w)
            lp.setdefault(lemma.lower(), set()).add(pos)
        known[lang] = kw
        lemma_pos[lang] = lp

    log('reading Apertium bilingual dictionaries')
    apert = apertium_bilingual(os.path.join(A, 'eng-spa.autobil.bin'), True)
    n_ap_engspa = len(apert)
    ap2 = apertium_bilingual(os.path.join(A, 'spa-eng.autobil.bin'), False)
    n_ap_spaeng = len(ap2)
    apert |= ap2

    spell = {}
    try:
        for lang, d in (('en', 'en_US'), ('es', 'es_ES')):
            spell[lang] = Hunspell(
                os.path.join(args.hunspell_dir, d + '.aff'),
                os.path.join(args.hunspell_dir, d + '.dic'))
        for p in HUNSPELL_PKGS:
            versions[p] = pkg_version(p)
        word_check = 'Apertium analysers + Hunspell (%s %s, %s %s)' % (
            HUNSPELL_PKGS[0], versions[HUNSPELL_PKGS[0]],
            HUNSPELL_PKGS[1], versions[HUNSPELL_PKGS[1]])
    except OSError as e:
        log('warning: Hunspell not usable (%s); FreeDict words are checked '
            'against the Apertium analysers only, which drops more of '
            'them' % e)
        spell = {'en': None, 'es': None}
        word_check = 'Apertium analysers only (Hunspell not available)'

    log('reading FreeDict dictionaries')
    fd_en, drop_en = parse_freedict(dictd_entries(args.dictd_dir, 'eng-spa'),
                                    known['en'], known['es'],
                                    spell['en'], spell['es'])
    fd_es, drop_es = parse_freedict(dictd_entries(args.dictd_dir, 'spa-eng'),
                                    known['es'], known['en'],
                                    spell['es'], spell['en'])
    fd_raw = set(fd_en) | {(en, es) for es, en in fd_es}

    # Merge.  FreeDict pairs that Apertium also has (compared in lower
    # case) take Apertium's part(s) of speech and become 'af'.
    src = {k: 'a' for k in apert}
    ap_by_pair = {}
    ap_pos = {'en': {}, 'es': {}}
    for en, es, pos in apert:
        ap_by_pair.setdefault((en.lower(), es.lower()), []).append(
            (en, es, pos))
        ap_pos['en'].setdefault(en.lower(), set()).add(pos)
        ap_pos['es'].setdefault(es.lower(), set()).add(pos)
    fd_pairs = set()
    for en, es in fd_raw:
        key = (en.lower(), es.lower())
        if key in ap_by_pair:
            for k in ap_by_pair[key]:
                src[k] = 'af'
                fd_pairs.add(k)
            continue
        if en[:1].isupper() and es[:1].isupper():
            pos = 'np'
        else:
            en, es = en.lower(), es.lower()
            pe = lemma_pos['en'].get(en, set()) | ap_pos['en'].get(en, set())
            ps = lemma_pos['es'].get(es, set()) | ap_pos['es'].get(es, set())
            pe.discard('np')
            ps.discard('np')
            # A Spanish infinitive that the analyser does not know
            # (pronominal verbs such as 'ponerse', rarer verbs) is a verb.
            es_inf = ES_INFINITIVE.search(es.split()[0]) is not None
            if not ps and es_inf:
                ps = {'v'}
            common = pe & ps
            if common:
                pos = choose_pos(common)
            elif ps == {'v'} and es_inf and ' ' not in en:
                # English nouns are freely used as verbs ('decrease',
                # 'insult') even where Apertium lists only the noun.
                pos = 'v'
            elif pe and not ps:
                pos = choose_pos(pe)
            elif ps and not pe:
                pos = choose_pos(ps)
            else:
                pos = 'other'
        k = (en, es, pos)
        fd_pairs.add(k)
        if src.get(k) == 'a':
            src[k] = 'af'
        elif k not in src:
            src[k] = 'f'
    # Apertium's placeholder lemma for personal pronouns ('prpers') would make
    # every pronoun match every other; the pronouns are paired one by one
    # instead (PRONOUNS), and their forms are their own lemmas.
    src = {k: v for k, v in src.items() if 'prpers' not in (k[0], k[1])}
    for en, es in PRONOUNS:
        src.setdefault((en, es, 'prn'), 'a')
    # Pairs the sources give wrongly (exclusions.tsv, kept beside the
    # generated files): a FreeDict slip or a false friend lets unrelated
    # words of the two languages match ("create" = "creer", which is
    # "believe"), so the pair is dropped whatever its part of speech.
    exc = os.path.join(args.outdir, 'exclusions.tsv')
    if os.path.exists(exc):
        excluded = set()
        with open(exc, encoding='utf-8') as f:
            for line in f:
                line = line.rstrip('\n')
                if not line or line.startswith('#'):
                    continue
                en, es = (line.split('\t') + [''])[:2]
                excluded.add((en, es))
        src = {k: v for k, v in src.items() if (k[0], k[1]) not in excluded}
    # Hand-written pairs for what both sources lack (supplement.tsv, kept
    # beside the generated files), source "s".
    sup = os.path.join(args.outdir, 'supplement.tsv')
    if os.path.exists(sup):
        with open(sup, encoding='utf-8') as f:
            for line in f:
                line = line.rstrip('\n')
                if not line or line.startswith('#'):
                    continue
                en, es, pos = (line.split('\t') + ['other'])[:3]
                src.setdefault((en, es, pos), 's')
    rows = sorted((en, es, pos, s) for (en, es, pos), s in src.items())
    n_src = {s: sum(1 for r in rows if r[3] == s) for s in ('a', 'f', 'af', 's')}

    # Forms: keep analyses whose (lemma, pos) is in bilingual.tsv on that
    # side (any pos if the bilingual entry is 'other'), plus closed-class
    # words.
    bil_side = {'en': {}, 'es': {}}
    for en, es, pos, _ in rows:
        bil_side['en'].setdefault(en, set()).add(pos)
        bil_side['es'].setdefault(es, set()).add(pos)
    forms = {}
    for lang, ana in morf.items():
        out = set()
        side = bil_side[lang]
        for form, lemma, pos, tag in ana:
            f = form.lower()
            if f == lemma.lower() or lemma == 'prpers':
                continue
            ps = side.get(lemma)
            if ps is not None and (pos in ps or 'other' in ps):
                pass
            elif tag in FUNCTION_TAGS:
                pass
            else:
                continue
            out.add((f, lemma, pos))
        forms[lang] = sorted(out)

    os.makedirs(args.outdir, exist_ok=True)
    vline = ('%s %s, %s %s, %s %s, %s %s' % (
        APERTIUM_PKG, versions[APERTIUM_PKG],
        FREEDICT_PKGS[0], versions[FREEDICT_PKGS[0]],
        FREEDICT_PKGS[1], versions[FREEDICT_PKGS[1]],
        LTTOOLBOX_PKG, versions[LTTOOLBOX_PKG]))
    common_hdr = [
        'Generated by: %s (make lexicon-update); do not edit by hand.'
        % COMMAND,
        'From Debian packages: ' + vline,
        'FreeDict word check: ' + word_check,
        'See README.md in this directory for sources and licenses.',
    ]
    write_tsv(os.path.join(args.outdir, 'bilingual.tsv'), [
        'Parallax English-Spanish bilingual lexicon (lemma pairs).',
        'Format: en<TAB>es<TAB>pos<TAB>src; pos is one of n np v adj adv pr'
        ' det prn cnj num ij other;',
        'src is a (Apertium eng-spa), f (FreeDict eng-spa/spa-eng) or af'
        ' (both).',
    ] + common_hdr + ['Entries: %d' % len(rows)], rows)
    for lang, name in (('en', 'English'), ('es', 'Spanish')):
        mname = 'eng-spa' if lang == 'en' else 'spa-eng'
        write_tsv(os.path.join(args.outdir, 'forms-%s.tsv' % lang), [
            'Parallax %s inflected forms -> lemmas.' % name,
            'Format: form<TAB>lemma<TAB>pos (form lower-cased; pos as in'
            ' bilingual.tsv);',
            'from Apertium %s.automorf.bin; forms equal to their lemma are'
            ' omitted.' % mname,
        ] + common_hdr + ['Entries: %d' % len(forms[lang])], forms[lang])

    # The forms Hunspell knows for the bilingual lemmas, so that the program
    # never loads Hunspell for the packaged data (hunspell-forms.py).
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import importlib
    hf = importlib.import_module('hunspell-forms')
    hforms = hf.write_all(args.outdir)
    for pkg in (HUNSPELL_PKGS + ('hunspell-tools',)):
        versions.setdefault(pkg, pkg_version(pkg))

    stats = {
        'versions': versions, 'hforms': hforms,
        'apertium_engspa': n_ap_engspa, 'apertium_spaeng': n_ap_spaeng,
        'apertium': len(apert), 'freedict_engspa': len(fd_en),
        'freedict_spaeng': len(fd_es), 'freedict_raw': len(fd_raw),
        'freedict': len(fd_pairs), 'merged': len(rows), 'src': n_src,
        'forms_en': len(forms['en']), 'forms_es': len(forms['es']),
        'drop_en': drop_en, 'drop_es': drop_es, 'word_check': word_check,
    }
    write_readme(os.path.join(args.outdir, 'README.md'), stats)
    log('bilingual.tsv: %d pairs (Apertium %d [eng-spa %d, spa-eng %d], '
        'FreeDict %d [raw eng-spa %d, spa-eng %d]; a %d, f %d, af %d)' % (
            len(rows), len(apert), n_ap_engspa, n_ap_spaeng, len(fd_pairs),
            len(fd_en), len(fd_es), n_src['a'], n_src['f'], n_src['af']))
    log('FreeDict entries/terms dropped: eng-spa %s, spa-eng %s'
        % (drop_en, drop_es))
    log('forms-en.tsv: %d, forms-es.tsv: %d' % (len(forms['en']),
                                                len(forms['es'])))


README_TEMPLATE = """\
# English-Spanish lexicon data (`lexicon/data/en-es/`)

The language-pair data that Parallax reads: `make` compiles these files
into one image, `lexicon.plx` (made in the build tree and installed beside
them, never committed), that the program maps at run time; see
`lexicon/plx_lexicon.h` and `lexicon/image.h`.

`bilingual.tsv`, `forms-en.tsv`, `forms-es.tsv`, `forms-en-hunspell.tsv`,
`forms-es-hunspell.tsv` and this `README.md` are **generated**: do not
edit them by hand.  They are rebuilt by
`lexicon/tools/lexicon-update.py` (`{command} [OUTDIR]`, default OUTDIR
`lexicon/data/en-es`; also `make lexicon-update` once that target is wired
into the build) from dictionaries packaged by Debian; see
`lexicon/tools/README.md`.  Running Parallax needs neither Apertium nor
FreeDict, only these plain-text files.  The other files here (`names.tsv`,
`stop-en.txt`, `stop-es.txt`) are written by hand and are not touched by the
generator; each describes its format in its header comment (`names.tsv`:
`CANONICAL<TAB>VARIANT|VARIANT|...`; `stop-LANG.txt`: one stop word a line).
Two hand-written files are read by the generator: `supplement.tsv` (pairs
both sources lack, `en<TAB>es<TAB>pos`, source `s`) and `exclusions.tsv`
(pairs the sources give wrongly, `en<TAB>es`, left out of `bilingual.tsv`).

The generated files are UTF-8 with LF line endings, one entry per line,
fields separated by a TAB.  The `#` lines at the top are comments: what the
file is, the command that generated it, the Debian package versions used and
the number of entries.  Entries are sorted by code point (the same as byte
order, so a table sorted on its first column needs no re-sorting); there are
no timestamps, and regenerating from the same package versions gives
byte-identical files.

## `bilingual.tsv` ({merged} lemma pairs)

    en<TAB>es<TAB>pos<TAB>src

* `en`, `es`: an English and a Spanish lemma that translate each other.
  Lower-cased except proper nouns (`pos` = `np`, e.g. `Africa	África`).
  Multiword lemmas are kept with single spaces (`take out`, `mil millones`);
  Apertium's `#` marker of the invariable part of a multiword is removed.
* `pos`: a coarse part of speech, one per line: `n` noun, `np` proper noun,
  `v` verb (including auxiliaries and modals), `adj`, `adv`, `pr`
  preposition, `det` determiner, `prn` pronoun (including relatives), `cnj`
  conjunction, `num` number word, `ij` interjection, `other` (unknown).  A
  pair with two parts of speech has two lines.
* `src`: `a` Apertium only ({src_a}), `f` FreeDict only ({src_f}), `af` both
  ({src_af}).

Apertium gives {apertium} distinct pairs ({apertium_engspa} from
`eng-spa.autobil.bin`, {apertium_spaeng} from `spa-eng.autobil.bin`, most of
them in both); FreeDict gives {freedict} lines ({freedict_raw} distinct word
pairs before merging).

Apertium writes English personal pronouns and their Spanish equivalents with
the placeholder lemma `prpers` (`him`, `them`, `le`, `lo` -> `prpers`), which
would make every pronoun match every other. Those entries are dropped: the
pronouns are paired one by one from a short list in the generator
(`PRONOUNS`), and their forms are their own lemmas.

## `forms-en.tsv` ({forms_en} lines) and `forms-es.tsv` ({forms_es} lines)

    form<TAB>lemma<TAB>pos

An inflected surface form (lower-cased), one of its lemmas (lower-cased
unless a proper noun) and the lemma's part of speech, as above.  An
ambiguous form has one line per lemma and part of speech (`fue	ir	v`,
`fue	ser	v`).  Omitted: forms identical to their lemma (look the word up in
`bilingual.tsv` directly), forms with clitics or joined words (`dámelo`,
`del`: analyses containing `+`) and forms with digits.  Kept: analyses whose
lemma occurs on the same side of `bilingual.tsv` with the same part of
speech (any part of speech if the lemma's pair there is `other`), plus all
closed-class words (determiners, pronouns, prepositions, conjunctions,
auxiliary and modal verbs).  No other trimming was needed: both files are
well under 15 MB.

## `forms-en-hunspell.tsv` ({hforms_en} lines) and `forms-es-hunspell.tsv` ({hforms_es} lines)

    form<TAB>lemma

The forms the Hunspell dictionaries (`en_US`, `es_ES`) can generate
(`unmunch`) whose stem (`hunspell -s`) is a lemma of `bilingual.tsv` on the
same side, and which the tables above do not know (`physicians` ->
`physician`, `cientos` -> `ciento`).  Left out: words with characters other
than letters, and Spanish forms that the enclitic rule of the program
(`clitics-es.txt`) reads as a verb and its pronouns (`hacerlo` is `hacer`
`lo`).  Forms are sorted by code point; a form's lemmas keep Hunspell's
order.  Written by `lexicon/tools/hunspell-forms.py` (called by this
generator, or on its own): Parallax used to ask Hunspell about such words
at run time, and loading a dictionary costs more than comparing two
articles; with these tables the program never loads Hunspell for this data.

## Sources

| Debian package | Version | Used for |
|---|---|---|
| `apertium-eng-spa` | {v_ap} | `eng-spa.autobil.bin`, `spa-eng.autobil.bin` (pairs); `eng-spa.automorf.bin` (English forms), `spa-eng.automorf.bin` (Spanish forms), in `/usr/share/apertium/apertium-eng-spa/` |
| `dict-freedict-eng-spa` | {v_fes} | `/usr/share/dictd/freedict-eng-spa.index`, `.dict.dz` (pairs) |
| `dict-freedict-spa-eng` | {v_fse} | `/usr/share/dictd/freedict-spa-eng.index`, `.dict.dz` (pairs) |
| `lttoolbox` | {v_lt} | `lt-print`, to dump the Apertium transducers (a tool; no data) |
| {hun_row} |

How the data is extracted:

* **Apertium pairs**: every path of the compiled bilingual transducers
  (`lt-print` output) is enumerated; the two sides give lemma + tags, and
  the first tag the part of speech (of the English side).  States on a cycle
  (regular expressions for numbers, URLs, punctuation) are not entered;
  entries with digits, without letters, and generated number combinations
  (`sixty-three thousand`) are dropped.  Single number words are kept:
  `billion` gives both `billón` and `mil millones`.
* **Apertium forms**: every path of the two morphological analysers, cut at
  the first `+` of the analysis.
* **FreeDict pairs**: each dictd entry is a headword with its pronunciation,
  then lines of comma-separated translations, optionally numbered `1.`.
  These are small dictionaries (about 5,900 and 4,500 headwords) converted
  from Ergane, with two systematic faults, both dropped: multiword
  translations run together (`carreterasecundaria`, `takeashower`) and, in
  eng-spa, multiword headwords cut to their first word (`go /goutoubd/` is
  "go to bed" -> `acostarse`), recognised by a pronunciation much longer
  than the headword.  Text in parentheses, brackets or `<...>` is removed;
  kept are terms of one to three words, each known to the Apertium analyser
  or to Hunspell for that language, without digits or internal capitals.
  FreeDict has no part of speech here: a pair Apertium also has takes
  Apertium's; otherwise the part of speech both words can have in Apertium
  (the first of n, v, adj, adv, ...), `v` for an unknown Spanish
  infinitive, `np` when both words are capitalised, else `other`.
  - word check: {word_check}
  - dropped from eng-spa: {drop_en}
  - dropped from spa-eng: {drop_es}

## Licenses

* **Apertium eng-spa** (`apertium-eng-spa` {v_ap}).
  `/usr/share/doc/apertium-eng-spa/copyright` gives for the data
  (`Files: *`): Copyright 2008 Universitat d'Alacant (Transducens group),
  2007 Generalitat de Catalunya (dades anglés), 2007 Universitat Pompeu
  Fabra (IULA), 2005 Universitat Politècnica de Catalunya, 2009 Jimmy
  O'Regan, 2009 Paul "greenbreen" Breen; **License: GPL-2**, whose text
  reads "you can redistribute it and/or modify it under the terms of the GNU
  General Public License as published by the Free Software Foundation,
  version 2 of the License" (no "or any later version"; only the Debian
  packaging, `debian/*`, is GPL-2+).
* **FreeDict eng-spa and spa-eng** (`dict-freedict-eng-spa` {v_fes},
  `dict-freedict-spa-eng` {v_fse}).  `/usr/share/doc/dict-freedict-eng-spa/copyright`
  and `.../dict-freedict-spa-eng/copyright` give `Files: eng-spa/*` and
  `Files: spa-eng/*`: "Copyright: 2000-2022 FreeDict contributors",
  **License: GPL-2+** ("either version 2 of the License, or (at your option)
  any later version"); the Debian packaging (`debian/*`) is GPL-3+.  The
  dictionaries' own headers say: "Copyright (C) 1999-2019 by various authors
  listed below. Available under the terms of the GNU General Public License
  ver. 2.0 and any later version."  Both were generated from Ergane
  (travlang.com).
* **Hunspell dictionaries** (`hunspell-en-us`, `hunspell-es`) decide which
  FreeDict words are real words, and give the `forms-*-hunspell.tsv` tables:
  pairs of a surface form and its stem, from the dictionaries' word lists
  and affix rules.  `en_US` comes from SCOWL;
  `/usr/share/doc/hunspell-en-us/copyright` quotes its notice, which these
  tables keep: "Copyright 2000-2011 by Kevin Atkinson.  Permission to use,
  copy, modify, distribute and sell these word lists, the associated
  scripts, the output created from the scripts, and its documentation for
  any purpose is hereby granted without fee, provided that the above
  copyright notice appears in all copies and that both that copyright
  notice and this permission notice appear in supporting documentation.
  Kevin Atkinson makes no representations about the suitability of this
  array for any purpose. It is provided "as is" without express or implied
  warranty."  `es_ES` (`/usr/share/doc/hunspell-es/copyright`, `Files:
  dictionaries/es/*`): Copyright Santiago Bosio, **License: GPL-3+ or
  LGPL-3+ or MPL-1.1+**, used here under GPL-3+.  Both allow these derived
  tables in a GPL-3.0-or-later project.

The generated files are derived works of the dictionaries above and are
distributed under their terms.  **Note for maintainers:** Parallax is
GPL-3.0-or-later.  FreeDict's GPL-2+ is compatible with that; Debian marks
Apertium eng-spa GPL-2 only, which is not compatible with GPL-3.  These files
are separate data read at run time (installed in `$(pkgdatadir)`), not
compiled into the library; keep it that way (do not add them to the embedded
`DATA_FILES`), and have the licensing of the Apertium-derived lines (`src`
`a` or `af`, and the form tables) confirmed before a release.
"""


def write_readme(path, st):
    v = st['versions']
    def fmt_drop(d):
        return '%d entries with a truncated headword, %d other headwords, ' \
               '%d translations' % (d['truncated'], d['headword'],
                                    d['translation'])
    if HUNSPELL_PKGS[0] in v:
        hun_row = ('`%s`, `%s` | %s, %s | `en_US`, `es_ES` dictionaries '
                   '(through `libhunspell`), to check FreeDict words; '
                   'with `hunspell-tools` %s (`unmunch`) and `hunspell -s`, '
                   'the `forms-*-hunspell.tsv` tables'
                   % (HUNSPELL_PKGS[0], HUNSPELL_PKGS[1],
                      v[HUNSPELL_PKGS[0]], v[HUNSPELL_PKGS[1]],
                      v.get('hunspell-tools', '?')))
    else:
        hun_row = '(Hunspell) | not available | -'
    text = README_TEMPLATE.format(
        command=COMMAND, merged=st['merged'], src_a=st['src']['a'],
        src_f=st['src']['f'], src_af=st['src']['af'],
        apertium=st['apertium'], apertium_engspa=st['apertium_engspa'],
        apertium_spaeng=st['apertium_spaeng'], freedict=st['freedict'],
        freedict_raw=st['freedict_raw'], forms_en=st['forms_en'],
        forms_es=st['forms_es'], v_ap=v[APERTIUM_PKG],
        v_fes=v[FREEDICT_PKGS[0]], v_fse=v[FREEDICT_PKGS[1]],
        v_lt=v[LTTOOLBOX_PKG], drop_en=fmt_drop(st['drop_en']),
        drop_es=fmt_drop(st['drop_es']), word_check=st['word_check'],
        hun_row=hun_row, hforms_en=st['hforms']['en'],
        hforms_es=st['hforms']['es'])
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write(text)


if __name__ == '__main__':
    main()
