# Turns one binary file into a C source that includes its bytes with the assembler's
# .incbin, so a model of megabytes costs the compiler nothing (embed.cmake writes every
# byte as C text: 12 MB of source for the entity model, compiled in every build).
# Usage: cmake -DOUT=file.c -DSYMBOL=name -DFILE=path -P embed_binary.cmake
# The result defines: const struct lede_blob SYMBOL[]; const size_t SYMBOL_count;
file(SIZE "${FILE}" len)
get_filename_component(base "${FILE}" NAME)
set(body "#include <stddef.h>\n#include \"lede/blob.h\"\n")
string(APPEND body "/* ${base}: ${len} bytes, then a NUL as embed.cmake gives. */\n")
string(APPEND body "__asm__(\".section .rodata\\n\"\n        \".balign 16\\n\"\n")
string(APPEND body "        \"${SYMBOL}_0:\\n\"\n        \".incbin \\\"${FILE}\\\"\\n\"\n")
string(APPEND body "        \".byte 0\\n\"\n        \".previous\\n\");\n")
string(APPEND body "extern const char ${SYMBOL}_0[];\n")
string(APPEND body "const struct lede_blob ${SYMBOL}[] = {\n    {\"${base}\", ${SYMBOL}_0, ${len}},\n    {NULL, NULL, 0}\n};\n")
string(APPEND body "const size_t ${SYMBOL}_count = 1;\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
