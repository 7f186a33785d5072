/* fuzz_theme.c - arbitrary theme files through lede_theme_parse_buffer().
 *
 * Checks that parsing never fails other than by SYNTAX, that every style stays in range
 * whatever the lines say, and that the theme's name stays a terminated string. */
#include <string.h>
#include "fuzz.h"
#include "lede/theme.h"

#define ALL_ATTRS                                                                                  \
    (LEDE_ATTR_BOLD | LEDE_ATTR_DIM | LEDE_ATTR_UNDERLINE | LEDE_ATTR_REVERSE | LEDE_ATTR_ITALIC | \
     LEDE_ATTR_STANDOUT)

static FILE *devnull;

/* An include of a device (/dev/tty, /dev/stdin) or a kernel file would make the run
 * depend on the machine, or wait for a terminal; such inputs are not tried. */
static bool names_device(const uint8_t *data, size_t size)
{
    static const char *const words[] = {"dev/", "proc/", "sys/", "fd/"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (memmem(data, size, words[i], strlen(words[i])))
            return true;
    return false;
}

static void check_theme(const lede_theme *theme)
{
    FUZZ_CHECK(memchr(theme->name, '\0', sizeof theme->name) != NULL);
    for (int el = 0; el < LEDE_EL_COUNT; el++) {
        const lede_style *s = &theme->styles[el];
        FUZZ_CHECK(s->fg >= LEDE_COLOR_DEFAULT && s->fg <= 255);
        FUZZ_CHECK(s->bg >= LEDE_COLOR_DEFAULT && s->bg <= 255);
        FUZZ_CHECK((s->attrs & ~(unsigned)ALL_ATTRS) == 0);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!devnull) {
        devnull = fopen("/dev/null", "w");
        FUZZ_CHECK(devnull != NULL);
    }
    if (names_device(data, size))
        return 0;
    lede_theme theme;
    lede_theme_defaults(&theme);
    lede_status st =
        lede_theme_parse_buffer(&theme, (const char *)data, size, "fuzz.theme", devnull, 0);
    FUZZ_CHECK(st == LEDE_OK || st == LEDE_ERR_SYNTAX);
    check_theme(&theme);
    /* The same lines from deep inside an include chain: only the depth limit differs. */
    st = lede_theme_parse_buffer(&theme, (const char *)data, size, "fuzz.theme", NULL,
                                 LEDE_THEME_MAX_DEPTH);
    FUZZ_CHECK(st == LEDE_OK || st == LEDE_ERR_SYNTAX);
    check_theme(&theme);
    lede_theme_strip_colors(&theme);
    FUZZ_CHECK(lede_theme_is_mono(&theme));
    return 0;
}
