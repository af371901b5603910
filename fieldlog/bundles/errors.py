"""Why a bundle is refused. Every message is one line and names the problem, never the
content: file names, titles and testimonies stay out of terminals and screenshots."""

from fieldlog.errors import FieldLogError, InvalidInputError


class BundleRefusedError(InvalidInputError):
    """The bundle fails a check; nothing was written anywhere."""


class NotABundleError(BundleRefusedError):
    pass


class NotForThisVaultError(BundleRefusedError):
    pass


class BundleDamagedError(BundleRefusedError):
    """Flipped, cut or appended bytes in the encryption, the archive or a file."""


class UnsafeMemberError(BundleRefusedError):
    """An archive member that could escape the folder it is opened in, or is not a file."""


class BundleLimitError(BundleRefusedError):
    """More files or bytes than any real bundle has (an archive bomb)."""


class UntrustedSignerError(BundleRefusedError):
    pass


class BadSignatureError(BundleRefusedError):
    pass


class BundleContentError(BundleRefusedError):
    """The records, the manifests or the custody chain inside do not check out."""


class ExportCancelled(FieldLogError):  # noqa: N818 - a signal carrying a message
    pass
