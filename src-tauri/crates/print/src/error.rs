//! The print crate's one error type.

pub type Result<T> = std::result::Result<T, Error>;

#[derive(Debug, Clone, thiserror::Error, PartialEq)]
pub enum Error {
    #[error("The QR content is empty")]
    EmptyPayload,
    #[error("The QR content is too long: {bytes} bytes, at most {max} fit in a printable QR code")]
    PayloadTooLong { bytes: usize, max: usize },
    #[error("No Chinese font was found on this computer; install one (Noto Sans CJK, Microsoft YaHei or PingFang SC)")]
    NoCjkFont,
    #[error("The {field} is too long to fit on the poster, even in small type; shorten it to about {max} characters")]
    TextTooLong { field: &'static str, max: usize },
    #[error("The {field} cannot be empty")]
    TextEmpty { field: &'static str },
    #[error("The image could not be read: {0}")]
    BadImage(String),
    #[error("The image is too large ({width}×{height}); at most {max_pixels} pixels")]
    ImageTooLarge { width: u32, height: u32, max_pixels: u64 },
    #[error(
        "No QR code was found in this image; use a screenshot where the whole code is sharp and visible"
    )]
    NoQrFound,
    #[error("This image holds {count} QR codes; crop it so only the one you mean is left")]
    SeveralQrFound { count: usize },
    #[error("No vouchers to print")]
    NoVouchers,
    #[error("\"{code}\" is not a voucher code; a code is 20 letters and digits in five groups of four, like K7QM-3XPA-9D2F-ABCD-EFGH")]
    BadVoucherCode { code: String },
    #[error("DPI must be between {min} and {max}")]
    BadDpi { min: u32, max: u32 },
    #[error("Rendering failed: {0}")]
    Render(String),
}

impl Error {
    /// The message in Simplified Chinese (`Display` gives the English one).
    pub fn message_zh(&self) -> String {
        match self {
            Error::EmptyPayload => "二维码内容为空".into(),
            Error::PayloadTooLong { bytes, max } => {
                format!("二维码内容太长：{bytes} 字节，可打印的二维码最多容纳 {max} 字节")
            }
            Error::NoCjkFont => {
                "本机没有找到中文字体，请安装思源黑体（Noto Sans CJK）、微软雅黑或苹方".into()
            }
            Error::TextTooLong { field, max } => {
                format!("{}太长，缩到最小字号也放不下；请缩短到约 {max} 个字", field_zh(field))
            }
            Error::TextEmpty { field } => format!("{}不能为空", field_zh(field)),
            // The decoder's words are English: the Chinese message says what it means.
            Error::BadImage(_) => {
                "无法读取这张图片：它不是 PNG、JPEG、WebP、GIF 或 BMP 图片，或者文件已损坏".into()
            }
            Error::ImageTooLarge { width, height, max_pixels } => {
                format!("图片太大（{width}×{height}），最多 {max_pixels} 像素")
            }
            Error::NoQrFound => "这张图片里没有找到二维码；请使用二维码完整、清晰的截图".into(),
            Error::SeveralQrFound { count } => {
                format!("这张图片里有 {count} 个二维码；请裁剪到只剩要用的那一个")
            }
            Error::NoVouchers => "没有可打印的券".into(),
            Error::BadVoucherCode { code } => {
                format!("“{code}”不是券码；券码是 20 个字母和数字，分成五组、每组四个，如 K7QM-3XPA-9D2F-ABCD-EFGH")
            }
            Error::BadDpi { min, max } => format!("DPI 必须在 {min} 到 {max} 之间"),
            Error::Render(_) => "生成失败，请重试".into(),
        }
    }
}

fn field_zh(field: &str) -> &'static str {
    match field {
        "headline" => "标题",
        "sub-line" => "副标题",
        "gift line" => "赠品说明",
        "shop name" => "店名",
        "address and hours" => "地址和营业时间",
        "benefit" => "优惠内容",
        "conditions" => "使用条件",
        "validity" => "有效期",
        _ => "文字",
    }
}
