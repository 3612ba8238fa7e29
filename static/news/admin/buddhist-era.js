'use strict';
// Admin's calendar and its "Today" link write a date with Date.prototype.strftime
// in the language's first DATE_INPUT_FORMATS entry, and read the box back with
// String.prototype.strptime (both in admin/js/core.js); the calendar's caption
// shows the year. Thai editors read and type Buddhist-era years (20/11/2569), as
// the date boxes show them (news/forms.py BuddhistEraDateWidget), so here %Y is
// the B.E. year both ways. Like news.thai.parse_date on the server, a year after
// 2400 is taken as B.E. and anything else as C.E. Loaded only by the B.E. widgets;
// admin may place this file before core.js, so the patch waits for the page.
document.addEventListener('DOMContentLoaded', function() {
    const OFFSET = 543;
    const SEPARATORS = /[.\-/]/;

    const strftime = Date.prototype.strftime;
    Date.prototype.strftime = function(format) {
        return strftime.call(this, format.replace(/%Y/g, String(this.getFullYear() + OFFSET)));
    };

    // The year is converted before the date is built, so 29/02/2567 stays 29 February.
    const strptime = String.prototype.strptime;
    String.prototype.strptime = function(format) {
        const fields = format.split(SEPARATORS);
        const parts = this.split(SEPARATORS);
        const at = fields.indexOf('%Y');
        if (at !== -1 && parseInt(parts[at], 10) > 2400) {
            parts[at] = String(parseInt(parts[at], 10) - OFFSET);
            return strptime.call(parts.join('/'), fields.join('/'));
        }
        return strptime.call(this, format);
    };

    const draw = CalendarNamespace.draw;
    CalendarNamespace.draw = function(month, year, divId, callback, selected) {
        draw.call(this, month, year, divId, callback, selected);
        const caption = document.querySelector('#' + divId + ' caption');
        if (caption) {
            caption.textContent = CalendarNamespace.monthsOfYear[parseInt(month, 10) - 1] + ' ' + (parseInt(year, 10) + OFFSET);
        }
    };
});
