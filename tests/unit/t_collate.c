/* t_collate.c: Norwegian order (… X Y Z Æ Ø Å) and names the same but for
 * case and spaces. */
#include "collate.h"
#include "tap.h"

static int
before(const char *a, const char *b)
{
	return nb_collate(a, b) < 0 && nb_collate(b, a) > 0;
}

int
main(void)
{
	ok(before("Zeta", "Ærfugl"), "Z before Æ");
	ok(before("Ærfugl", "Ørnes"), "Æ before Ø");
	ok(before("Ørnes", "Åsen"), "Ø before Å");
	ok(before("Åsen", "Ǿ"), "Å before a letter outside the alphabet");
	ok(before("alta", "Bergen"), "small and capital letters are one letter");
	ok(before("Zürich", "Zz"), "ü is y, before z");
	ok(before("Ärlig", "Øst"), "Ä is Æ");
	ok(before("Öst", "Åsen"), "Ö is Ø");
	ok(before("École", "Fjell"), "É is E");
	ok(before("Skole 2", "Skole A"), "digits before letters");
	ok(before("PPT", "PPT Nord"), "a name before its longer forms");
	ok(before("Ábbo", "Bodø"), "Sámi Á is A");
	ok(before("Skole", "skole"), "a tie is decided by the bytes");
	ok(nb_collate("Åsen", "Åsen") == 0, "equal names are equal");
	ok(nb_same_name("Skole", "SKOLE"), "case does not make another name");
	ok(nb_same_name("Tromsø  skole", " tromsø skole "), "nor spaces at the ends or in runs");
	ok(nb_same_name("ÆRFUGL ÅSEN", "ærfugl åsen"), "Æ, Ø and Å have small letters");
	ok(nb_same_name("ČÁHCEGÁDDI", "čáhcegáddi"), "and the Sámi letters");
	ok(!nb_same_name("Skole", "Skolen"), "another word is another name");
	ok(!nb_same_name("Skole A", "SkoleA"), "a space between words counts");
	ok(!nb_same_name("Åsen", "Asen"), "Å is not A");
	return done_testing();
}
