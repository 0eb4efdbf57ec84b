#!/bin/sh
# Why: the icon files are drawn from build/icon.svg; this regenerates every size
# electron-builder reads, so it never has to fetch its icon converter to make
# .ico/.icns itself. Needs Debian's librsvg2-bin, pngquant and
# optipng, and Node. Run from the repository root: sh build/make-icons.sh
set -eu
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

render() { # size, output
  rsvg-convert -w "$1" -h "$1" icon.svg -o "$tmp/raw.png"
  pngquant --force --quality 80-100 --speed 1 --strip --output "$2" "$tmp/raw.png"
  optipng -quiet -o5 -strip all "$2"
}

render 1024 icon.png
mkdir -p icons
for s in 16 24 32 48 64 128 256 512; do
  render "$s" "icons/${s}x${s}.png"
done

# Windows .ico and macOS .icns: the same PNGs, packed.
node pack-icons.mjs
