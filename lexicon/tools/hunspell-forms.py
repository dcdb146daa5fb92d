#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
#
# hunspell-forms.py - the inflected forms Hunspell knows for the lemmas of
# Parallax's bilingual lexicon, as form tables (forms-LANG-hunspell.tsv).
#
# Usage: python3 lexicon/tools/hunspell-forms.py [DATADIR]
#        (default DATADIR: lexicon/data/en-es)
#
# Parallax used to ask Hunspell, at run time, for the stem of every word its
# form tables did not know, and kept a stem when the bilingual lexicon knew
# it ("physicians" -> "physician"). Loading a Hunspell dictionary costs
# about 170 million instructions, more than comparing two articles. This
# script asks Hunspell once, for every form its dictionary can generate
# (`unmunch`), and writes those whose stem is a lemma of the bilingual
# lexicon, so that the compiled lexicon holds them and the program never
# loads Hunspell for the packaged data.
#
# Left out, as the run time would not have asked Hunspell about them: forms
# the form tables or the bilingual lexicon already know, words with
# characters other than letters, and (for languages with clitics-LANG.txt)
# forms that the enclitic rule reads as a verb and its pronouns.
#
# Requirements (Debian packages): hunspell-tools (unmunch), hunspell (the
# `hunspell -s` stemmer), hunspell-en-us, hunspell-es, hunspell-ru.
#
# Deterministic: forms sorted by code point, a form's stems in Hunspell's
# order; no timestamp.

import os
import subprocess
import sys
import unicodedata

DICTS = {'en': 'en_US', 'es': 'es_ES', 'ru': 'ru_RU'}
HUNSPELL_DIR = '/usr/share/hunspell'
PKGS = {'en': 'hunspell-en-us', 'es': 'hunspell-es', 'ru': 'hunspell-ru'}


def die(msg):
    sys.stderr.write('hunspell-forms: %s\n' % msg)
    sys.exit(1)


def pkg_version(pkg):
    try:
        out = subprocess.run(['dpkg-query', '-W', '-f=${Version}', pkg],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             check=True)
    except (OSError, subprocess.CalledProcessError):
        die('cannot get the version of Debian package %s (is it installed?)'
            % pkg)
    return out.stdout.decode().strip()


def read_tsv(path, col):
    out = set()
    with open(path, encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or '\t' not in line:
                continue
            cols = line.rstrip('\n').split('\t')
            if len(cols) > col and cols[col]:
                out.add(cols[col])
    return out


def fold(w):
    """Case folding as the program does it (ICU's default folding equals
    Python's casefold() on letters; ё is е)."""
    return w.casefold().replace('ё', 'е')


def is_word(w):
    return w and all(unicodedata.category(c)[0] in 'LM' for c in w)


def strip_accent(base):
    table = {'á': 'a', 'é': 'e', 'í': 'i', 'ó': 'o', 'ú': 'u'}
    return ''.join(table.get(c, c) for c in base)


def clitic_split(form, endings, known):
    """Whether the program's enclitic rule would split form (see
    S_clitic_split in lexicon/lexicon.c): an ending of clitics-LANG.txt,
    at least three letters left, and what is left a known word once the
    accent the pronouns added is dropped."""
    if len(form.encode('utf-8')) < 5:
        return False
    for e in endings:
        if len(e.encode()) + 3 > len(form.encode()) or not form.endswith(e):
            continue
        base = form[:len(form) - len(e)]
        if strip_accent(base) in known or base in known:
            return True
    return False


# Russian verbs: unmunch does not apply the dictionary's two-fold suffix
# rules, so it never writes the past or the present of a reflexive verb
# ("появились", "попытался", "оказываются") nor many others. The regular
# endings of the Russian conjugations are tried on each verb lemma of the
# lexicon instead, and Hunspell's stemmer keeps those that are real forms
# of a lemma (below, like every other form).
RU_ADJ = ('ий', 'его', 'ему', 'им', 'ем', 'ая', 'ей', 'ую', 'ее', 'ие', 'их', 'ими')
RU_PRESENT_1 = ('ю', 'ешь', 'ет', 'ем', 'ете', 'ют', 'й', 'йте', 'я', 'ющий')
RU_PRESENT_2 = ('ю', 'у', 'лю', 'ишь', 'ит', 'им', 'ите', 'ят', 'ат', 'и', 'ь', 'ьте', 'я',
                'а', 'ящий', 'ащий')
RU_PRESENT_NU = ('у', 'ешь', 'ет', 'ем', 'ете', 'ут', 'и', 'ите', 'ув', 'увший')


def ru_verb_candidates(lemma):
    """Possible forms of a Russian verb in -ть or -ться (Hunspell decides
    which are real)."""
    refl = lemma.endswith('ться')
    base = lemma[:-2] if refl else lemma
    if not base.endswith('ть') or len(base) < 4:
        return []
    stem = base[:-2]                                   # появи-, пыта-, верну-
    finite = [stem + e for e in ('л', 'ла', 'ло', 'ли', 'в', 'вши')]
    participles = [stem + 'вш' + e for e in RU_ADJ]
    pres = []
    if stem.endswith(('ова', 'ева')):                  # использовать: использу-
        pres += [stem[:-3] + 'у' + e for e in RU_PRESENT_1]
    if stem.endswith('ава'):                           # давать: да-
        pres += [stem[:-2] + e for e in RU_PRESENT_1]
    if stem.endswith('ну'):                            # вернуть: верн-
        pres += [stem[:-1] + e for e in RU_PRESENT_NU]
    if stem[-1:] in 'аяе':                             # пытать: пыта-
        pres += [stem + e for e in RU_PRESENT_1]
        participles += [stem + e for e in ('емый', 'емая', 'емое', 'емые', 'нный', 'нная',
                                           'нные')]
    if stem[-1:] == 'и':                               # появить: появ-
        pres += [stem[:-1] + e for e in RU_PRESENT_2]
        participles += [stem[:-1] + e for e in ('енный', 'енная', 'енные', 'енных', 'енного')]
    for p in pres:
        if p.endswith('щий'):
            participles += [p[:-2] + e for e in RU_ADJ]
        else:
            finite.append(p)
    if refl:
        # -сь after a vowel in the verb's own forms (появилась, появитесь),
        # -ся always after a participle's ending (появившегося)
        finite = [f + ('сь' if f[-1] in 'аеиоуыэюя' else 'ся') for f in finite]
        participles = [f + 'ся' for f in participles]
    return finite + participles


def forms_of(lang, datadir):
    dic = os.path.join(HUNSPELL_DIR, DICTS[lang])
    for ext in ('.aff', '.dic'):
        if not os.path.exists(dic + ext):
            die('missing %s%s (install %s)' % (dic, ext, PKGS[lang]))
    pair = os.path.basename(os.path.normpath(datadir))
    side = 1 if pair.count('-') == 1 and lang == pair.split('-')[1] else 0
    lemmas = read_tsv(os.path.join(datadir, 'bilingual.tsv'), side)
    known = set(lemmas) | read_tsv(os.path.join(datadir, 'forms-%s.tsv' % lang), 0)
    endings = []
    cpath = os.path.join(datadir, 'clitics-%s.txt' % lang)
    if os.path.exists(cpath):
        endings = sorted(read_tsv(cpath, 0), key=lambda e: -len(e))
    try:
        out = subprocess.run(['unmunch', dic + '.dic', dic + '.aff'],
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             check=True).stdout.decode('utf-8', 'replace')
    except OSError:
        die('unmunch not found (install hunspell-tools)')
    words = set()
    for w in out.split('\n'):
        w = fold(w.strip())
        if is_word(w) and w not in known and not clitic_split(w, endings, known):
            words.add(w)
    if lang == 'ru':
        for lemma in lemmas:
            for w in ru_verb_candidates(lemma):
                if w not in known:
                    words.add(w)
    words = sorted(words)
    try:
        res = subprocess.run(['hunspell', '-d', dic, '-s', '-i', 'utf-8'],
                             input='\n'.join(words) + '\n',
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             check=True, text=True, encoding='utf-8').stdout
    except OSError:
        die('hunspell not found (install hunspell)')
    stems = {}
    for line in res.split('\n'):
        p = line.split(' ')
        if len(p) == 2 and p[0]:
            stem = fold(p[1]) if lang == 'ru' else p[1]
            stems.setdefault(p[0], [])
            if stem not in stems[p[0]]:
                stems[p[0]].append(stem)
    rows = []
    for w in words:
        good = [s for s in stems.get(w, []) if s in lemmas]
        for s in good:
            rows.append((w, s))
    return rows, len(words)


def write_all(datadir):
    """Write forms-LANG-hunspell.tsv for both languages of the pair in
    datadir (named LANG-LANG); returns the line counts by language."""
    pair = os.path.basename(os.path.normpath(datadir))
    if pair.count('-') != 1:
        pair = 'en-es'
    counts = {}
    for lang in pair.split('-'):
        rows, considered = forms_of(lang, datadir)
        path = os.path.join(datadir, 'forms-%s-hunspell.tsv' % lang)
        with open(path, 'w', encoding='utf-8', newline='\n') as f:
            f.write('# Parallax %s forms -> lemmas from Hunspell (%s), for the lemmas '
                    'of bilingual.tsv.\n' % (lang, DICTS[lang]))
            f.write('# Format: form<TAB>lemma; a form the other tables know is not '
                    'here; a form\'s lemmas in Hunspell\'s order.\n')
            f.write('# Generated by: python3 lexicon/tools/hunspell-forms.py; do not '
                    'edit by hand.\n')
            f.write('# From Debian packages: %s %s, hunspell-tools %s\n'
                    % (PKGS[lang], pkg_version(PKGS[lang]),
                       pkg_version('hunspell-tools')))
            f.write('# %d forms considered, %d lines\n' % (considered, len(rows)))
            for w, s in rows:
                f.write('%s\t%s\n' % (w, s))
        sys.stderr.write('hunspell-forms: %s: %d lines (%d forms considered)\n'
                         % (path, len(rows), considered))
        counts[lang] = len(rows)
    return counts


if __name__ == '__main__':
    write_all(sys.argv[1] if len(sys.argv) > 1 else 'lexicon/data/en-es')
