/* fuzz_case.c: libFuzzer target for the case reader, validator and writer.
 * Besides not crashing, it checks a property: whatever reads must write out
 * as YAML that reads back and writes out to the same bytes. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "case.h"
#include "embedded.h"
#include "yamlio.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct schema sch;
static struct model model;

static void
setup(void)
{
	struct diags dg = { 0 };
	size_t len;
	const char *s = embedded_file("schema/case.schema.json", &len);
	if (schema_parse(&sch, "schema", s, len, &dg) < 0)
		abort();
	s = embedded_file("schema/models/three-level.yaml", &len);
	if (model_parse(&model, "model", s, len, &dg) < 0)
		abort();
	diags_free(&dg);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int ready;
	if (!ready++)
		setup();
	struct doc d, again;
	struct diags dg = { 0 };
	doc_init(&d, "fuzz.yaml");
	doc_init(&again, "again.yaml");
	if (yaml_read(&d, (const char *)data, size, &dg) == 0 && d.root) {
		case_validate(&sch, &model, d.root, "fuzz.yaml", NULL, &dg);
		schema_order(&sch, &d, d.root);
		size_t len, len2;
		char *out = yaml_write(d.root, &len);
		if (!out || yaml_read(&again, out, len, &dg) < 0)
			abort();
		char *out2 = yaml_write(again.root, &len2);
		if (!out2 || len != len2 || memcmp(out, out2, len))
			abort();
		free(out);
		free(out2);
	}
	diags_free(&dg);
	doc_free(&d);
	doc_free(&again);
	return 0;
}
