// Why: Windows and macOS want one container file of several sizes (.ico,
// .icns). Both formats accept plain PNG entries, so packing the PNGs that
// make-icons.sh rendered keeps the files small and needs no converter.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const dir = fileURLToPath(new URL('.', import.meta.url))
const png = (size) => readFileSync(size === 1024 ? `${dir}icon.png` : `${dir}icons/${size}x${size}.png`)

function ico(sizes) {
  const images = sizes.map(png)
  const header = Buffer.alloc(6 + 16 * sizes.length)
  header.writeUInt16LE(1, 2) // type 1 = icon
  header.writeUInt16LE(sizes.length, 4)
  let offset = header.length
  sizes.forEach((size, i) => {
    const entry = 6 + 16 * i
    header[entry] = size === 256 ? 0 : size // 0 means 256
    header[entry + 1] = size === 256 ? 0 : size
    header.writeUInt16LE(1, entry + 4) // colour planes
    header.writeUInt16LE(32, entry + 6) // bits per pixel
    header.writeUInt32LE(images[i].length, entry + 8)
    header.writeUInt32LE(offset, entry + 12)
    offset += images[i].length
  })
  return Buffer.concat([header, ...images])
}

function icns(entries) {
  const chunks = entries.map(([type, size]) => {
    const data = png(size)
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(data.length + 8, 4)
    return Buffer.concat([head, data])
  })
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(8 + chunks.reduce((n, c) => n + c.length, 0), 4)
  return Buffer.concat([head, ...chunks])
}

writeFileSync(`${dir}icon.ico`, ico([16, 24, 32, 48, 64, 128, 256]))
// PNG-typed slots, as iconutil writes them: 1x and @2x for 16…512.
writeFileSync(
  `${dir}icon.icns`,
  icns([
    ['icp4', 16], ['ic11', 32], ['icp5', 32], ['ic12', 64], ['ic07', 128],
    ['ic13', 256], ['ic08', 256], ['ic14', 512], ['ic09', 512], ['ic10', 1024]
  ])
)
