#!/bin/sh
# upx-double: a TEST DOUBLE that stands in for UPX where UPX is not installed. It is NOT UPX and
# compresses nothing. It behaves like UPX only where the plugin's tests rely on it:
#   --version          prints a first line in UPX's format ("upx 4.2.4"), then a library line
#   [options] -o OUT IN  writes OUT from IN, never touches IN, and makes OUT look packed to the
#                      plugin's analyzer the way a real UPX file does: no ELF section table, the
#                      "UPX!" mark in the first 4 KiB (ELF) or a section named UPX0 (PE), and the
#                      Go build info gone (real UPX compresses it away)
#   -t FILE            exits 0 for a file with those marks or one it wrote (other formats get no marks),
#                      2 otherwise (UPX's exit code for "not packed")
#   refuses to overwrite an existing OUT, as UPX does without -f
# What it does is steered by files next to it, so tests need no environment variables (the plugin
# runs upx with an explicit environment):
#   fail-pack  pack exits 1 with a UPX-like CantPackException line and writes nothing
#   fail-test  -t exits 2 with a UPX-like message
#   no-output  pack exits 0 but writes no OUT
# Every call is appended to calls.log next to it, one line per call, arguments separated by '|'.
here=$(cd "$(dirname "$0")" && pwd)
line=""
for arg in "$@"; do line="$line|$arg"; done
printf '%s\n' "${line#|}" >> "$here/calls.log"

out=""; in=""; test=0; expect_out=0
for arg in "$@"; do
  if [ "$expect_out" = 1 ]; then out="$arg"; expect_out=0; continue; fi
  case "$arg" in
    --version|-V) echo "upx 4.2.4"; echo "UCL data compression library 1.03"; exit 0 ;;
    -t) test=1 ;;
    -o) expect_out=1 ;;
    -o*) out="${arg#-o}" ;;
    -*) ;;
    *) in="$arg" ;;
  esac
done

if [ "$test" = 1 ]; then
  if [ -f "$here/fail-test" ]; then
    echo "upx: $in: CantUnpackException: header corrupted (upx-double was told to fail -t)" >&2
    exit 2
  fi
  if head -c 4096 "$in" | LC_ALL=C grep -qa 'UPX[!0]' || grep -qxF "$in" "$here/packed.list" 2>/dev/null; then
    echo "testing $in [OK]"
    exit 0
  fi
  echo "upx: $in: NotPackedException: not packed by UPX" >&2
  exit 2
fi

if [ -z "$in" ] || [ -z "$out" ]; then
  echo "upx-double: usage: upx-double [options] -o OUT IN | -t FILE | --version" >&2
  exit 1
fi
if [ -f "$here/fail-pack" ]; then
  echo "upx: $in: CantPackException: upx-double was told to fail" >&2
  echo "Packed 0 files." >&2
  exit 1
fi
if [ -e "$out" ]; then
  echo "upx: $out: FileAlreadyExistsException: $out: File exists" >&2
  exit 1
fi
if [ -f "$here/no-output" ]; then
  echo "Packed 1 file."
  exit 0
fi

cp "$in" "$out" || exit 1
put() { # put OFFSET BYTES(printf format)
  printf "$2" | dd of="$out" bs=1 seek="$1" conv=notrunc 2>/dev/null
}
u() { # u OFFSET SIZE: unsigned little-endian number
  od -An -t u"$2" -j "$1" -N "$2" "$in" | tr -d ' '
}
magic=$(od -An -c -N 4 "$in" | tr -d ' ')
case "$magic" in
  177ELF*)
    class=$(u 4 1)
    if [ "$class" = 2 ]; then
      shoff=$(u 40 8); phoff=$(u 32 8); phentsize=$(u 54 2); phnum=$(u 56 2)
      put 40 '\0\0\0\0\0\0\0\0'; put 60 '\0\0\0\0'
    else
      shoff=$(u 32 4); phoff=$(u 28 4); phentsize=$(u 42 2); phnum=$(u 44 2)
      put 32 '\0\0\0\0'; put 48 '\0\0\0\0'
    fi
    # The section table is gone from the header, so its first entry (all zeros) is free; older
    # layouts keep it at the end of the file, then the bytes after the program headers are padding.
    if [ "$shoff" -gt 0 ] && [ "$shoff" -lt 4092 ]; then mark=$shoff; else mark=$((phoff + phnum * phentsize)); fi
    put "$mark" 'UPX!'
    ;;
  MZ*)
    lfanew=$(u 60 4); optsize=$(u $((lfanew + 20)) 2)
    put $((lfanew + 24 + optsize)) 'UPX0\0\0\0\0'
    ;;
esac
buildinfo=$(LC_ALL=C grep -obUa 'Go buildinf:' "$out" | head -n 1 | cut -d: -f1)
if [ -n "$buildinfo" ]; then
  put $((buildinfo - 1)) '\0\0\0\0\0\0\0\0\0\0\0\0\0'
fi
chmod +x "$out"
echo "$out" >> "$here/packed.list"
echo "        File size         Ratio      Format      Name"
echo "Packed 1 file."
exit 0
