/* status.c - the words for each status, and the status for each errno. */
#include <errno.h>
#include "lede/status.h"

const char *lede_status_str(lede_status status)
{
    switch (status) {
    case LEDE_OK:
        return "ok";
    case LEDE_ERR_NOENT:
        return "no such file";
    case LEDE_ERR_ISDIR:
        return "is a directory";
    case LEDE_ERR_ACCESS:
        return "permission denied";
    case LEDE_ERR_EMPTY:
        return "empty input";
    case LEDE_ERR_BINARY:
        return "not text (binary data)";
    case LEDE_ERR_NOMEM:
        return "out of memory";
    case LEDE_ERR_IO:
        return "read error";
    case LEDE_ERR_NOSPACE:
        return "no space left on device";
    case LEDE_ERR_FBIG:
        return "file size limit exceeded";
    case LEDE_ERR_SYNTAX:
        return "syntax error";
    case LEDE_ERR_PATTERN:
        return "bad regular expression";
    case LEDE_ERR_NOTFOUND:
        return "not found";
    case LEDE_ERR_TOOBIG:
        return "too large (see --max-size)";
    case LEDE_ERR_ENCODING:
        return "not valid in that encoding";
    case LEDE_ERR_TIMEOUT:
        return "no data in time (a pipe or device nobody writes to?)";
    }
    return "unknown error";
}

lede_status lede_status_from_errno(int err)
{
    switch (err) {
    case ENOENT:
    case ENOTDIR:
        return LEDE_ERR_NOENT;
    case EISDIR:
        return LEDE_ERR_ISDIR;
    case EACCES:
    case EPERM:
        return LEDE_ERR_ACCESS;
    case ENOMEM:
        return LEDE_ERR_NOMEM;
    case ENOSPC:
    case EDQUOT:
        return LEDE_ERR_NOSPACE;
    case EFBIG:
        return LEDE_ERR_FBIG;
    default:
        return LEDE_ERR_IO;
    }
}
