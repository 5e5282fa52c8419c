//! A stored (uncompressed) ZIP archive, the container of the Office files: local headers, the
//! central directory and its end record, with UTF-8 names and the CRC-32 share links use.

use crate::formats::share::crc32;

/// The archive of `entries` (path, bytes), in that order. Stored, not deflated: the files are
/// small, and a deflater would weigh more in the wasm than the bytes it saves in a download.
pub fn stored(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, data) in entries {
        let offset = u32::try_from(out.len()).unwrap_or(u32::MAX);
        let fixed = Fixed {
            crc: crc32(data),
            size: u32::try_from(data.len()).unwrap_or(u32::MAX),
            name_len: u16::try_from(name.len()).unwrap_or(u16::MAX),
        };
        out.extend(0x0403_4b50_u32.to_le_bytes());
        fixed.write(&mut out);
        out.extend(name.as_bytes());
        out.extend(*data);
        directory.extend(0x0201_4b50_u32.to_le_bytes());
        directory.extend(20_u16.to_le_bytes()); // made by: 2.0
        fixed.write(&mut directory);
        // Comment length, disk, internal and external attributes, then where the entry starts.
        directory.extend([0; 10]);
        directory.extend(offset.to_le_bytes());
        directory.extend(name.as_bytes());
    }
    let count = u16::try_from(entries.len()).unwrap_or(u16::MAX);
    let at = u32::try_from(out.len()).unwrap_or(u32::MAX);
    let size = u32::try_from(directory.len()).unwrap_or(u32::MAX);
    out.extend(directory);
    out.extend(0x0605_4b50_u32.to_le_bytes());
    out.extend([0; 4]); // this disk, the directory's disk
    out.extend(count.to_le_bytes());
    out.extend(count.to_le_bytes());
    out.extend(size.to_le_bytes());
    out.extend(at.to_le_bytes());
    out.extend([0; 2]); // no comment
    out
}

/// The fields a local header and a directory entry share.
struct Fixed {
    crc: u32,
    size: u32,
    name_len: u16,
}

impl Fixed {
    fn write(&self, out: &mut Vec<u8>) {
        out.extend(20_u16.to_le_bytes()); // needs 2.0
        out.extend(0x0800_u16.to_le_bytes()); // names are UTF-8
        out.extend(0_u16.to_le_bytes()); // stored
        out.extend(0_u16.to_le_bytes()); // 00:00
        out.extend(0x0021_u16.to_le_bytes()); // 1980-01-01: the same bytes for the same content
        out.extend(self.crc.to_le_bytes());
        out.extend(self.size.to_le_bytes());
        out.extend(self.size.to_le_bytes());
        out.extend(self.name_len.to_le_bytes());
        out.extend(0_u16.to_le_bytes()); // no extra field
    }
}
