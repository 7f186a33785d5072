/* status.h - the one status code that travels up from every layer. */
#ifndef LEDE_STATUS_H
#define LEDE_STATUS_H

typedef enum {
    LEDE_OK = 0,
    LEDE_ERR_NOENT,   /* no such file */
    LEDE_ERR_ISDIR,   /* is a directory */
    LEDE_ERR_ACCESS,  /* permission denied */
    LEDE_ERR_EMPTY,   /* empty input (or only white space) */
    LEDE_ERR_BINARY,  /* not text: NUL-heavy or mostly invalid UTF-8 */
    LEDE_ERR_NOMEM,   /* out of memory */
    LEDE_ERR_IO,      /* any other read or write error */
    LEDE_ERR_NOSPACE, /* a write found the disk (or the quota) full */
    LEDE_ERR_FBIG,    /* a write went past the file-size limit (ulimit -f) */
    LEDE_ERR_SYNTAX,  /* a line of a theme, lexicon or state file is malformed */
    LEDE_ERR_PATTERN, /* a regular expression did not compile */
    LEDE_ERR_NOTFOUND, /* a named theme or resource does not exist */
    LEDE_ERR_TOOBIG,   /* input larger than the size limit (--max-size) */
    LEDE_ERR_ENCODING, /* not valid in the encoding given, or an encoding iconv lacks */
    LEDE_ERR_TIMEOUT   /* a pipe or device gave no data in time */
} lede_status;

/* Returns a short lower-case reason for status, e.g. "no such file". Never NULL. */
const char *lede_status_str(lede_status status);

/* Returns the status for the errno value err of a failed file call: NOENT for ENOENT and
 * ENOTDIR, ISDIR for EISDIR, ACCESS for EACCES and EPERM, NOMEM for ENOMEM, NOSPACE for ENOSPC
 * and EDQUOT, FBIG for EFBIG, IO for any
 * other value (0 included). The one errno map of lede; pure, safe from any thread. */
lede_status lede_status_from_errno(int err);

#endif
