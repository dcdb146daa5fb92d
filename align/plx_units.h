/* plx_units.h: check the units of a bilingual file (XLIFF, TMX), each
 * target against its source.
 *
 * The sources and targets are aligned unit by unit (PLX_MODE_PAIRED on the
 * documents of plx_bitext_docs) and judged with the facts of two articles
 * (values, names, details missing or in conflict), plus two checks of
 * their own:
 *   "tag"           an inline code of the source the target lacks (side 0)
 *                   or one the target adds (side 1); its span is empty, at
 *                   the place the code stood, and its value is the code as
 *                   a translation tool shows it (<g id="1">); also a
 *                   placeholder of the text (%s, %1$s, %(name)s, %1,
 *                   {0}, {name}, {{name}}, ${name}) one side lacks, its
 *                   span the placeholder;
 *   "untranslated"  a unit with no target or an empty one (side 0, the
 *                   source, no counterpart), or a target that is its
 *                   source word for word (side 1, the source as its
 *                   counterpart); the unit's other facts are then left out.
 * A fact's sentence is its unit's index; its offsets are in the documents'
 * text (plx_bitext_unit_offset gives where a unit starts).
 */
#ifndef PLX_UNITS_H
#define PLX_UNITS_H

#include <stddef.h>
#include "plx_base.h"
#include "plx_bitext.h"
#include "plx_align.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The facts of every unit, as plx_facts gives them (one allocation, free
 * with free()), for an alignment of the documents of plx_bitext_docs(bt). */
plx_status plx_units_facts(const plx_bitext *bt, const plx_alignment *al, plx_fact **facts,
                           size_t *n, plx_error *err);

#ifdef __cplusplus
}
#endif
#endif
