"""The text of a release file, .txt or .docx: one reader for the admin's upload and
the import_press_release command, so both read a file the same way and refuse the
same files with the same Thai messages (django ValidationError)."""

import io
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DOCX_UNPACKED_BYTES = 20 * 1024 * 1024  # a .docx is a zip: refuse a zip bomb before unpacking

NOT_DOCX = _("This file cannot be read as a Word document (.docx). Open it in Word, save it again as .docx, "
             "or paste its text instead.")


def read_docx(data, max_unpacked=None):
    """The text of a .docx file, a paragraph a line (tables cell by cell)."""
    import docx  # python-docx: only reading a Word file needs it

    limit = MAX_DOCX_UNPACKED_BYTES if max_unpacked is None else max_unpacked
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            if sum(info.file_size for info in package.infolist()) > limit:
                raise ValidationError(NOT_DOCX, code="docx")
        document = docx.Document(io.BytesIO(data))
        lines = []
        for block in document.iter_inner_content():
            if isinstance(block, docx.table.Table):
                lines.extend(cell.text for row in block.rows for cell in row.cells)
            else:
                lines.append(block.text)
        return "\n".join(lines)
    except ValidationError:
        raise
    # A damaged or foreign file fails deep inside zipfile, lxml or python-docx in many
    # ways; every one of them means the same thing to the editor.
    except Exception as error:
        raise ValidationError(NOT_DOCX, code="docx") from error


def read_release(name, data, max_unpacked=None):
    """The text of a file called `name` with the bytes `data`: .docx, or .txt in UTF-8
    or Windows Thai (cp874). Anything else raises ValidationError with a Thai message."""
    name = name.lower()
    if name.endswith(".docx"):
        return read_docx(data, max_unpacked)
    if not name.endswith(".txt"):
        raise ValidationError(_("Choose a .txt or .docx file. An older Word file (.doc) can be saved as .docx from Word."),
                              code="type")
    if b"\0" in data:
        raise ValidationError(_("This is not a text file: choose a .txt or .docx file, or paste the text."), code="binary")
    for encoding in ("utf-8-sig", "cp874"):  # cp874: Thai text saved by older Windows programs
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ValidationError(_("This text file cannot be read: save it as UTF-8 text, or paste the text."), code="encoding")
