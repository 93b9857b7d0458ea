"""培训班 (issue 11): the trainer's, trainee's and collecting pages read the question bank in the browser; this
package only vendors the QR libraries and fflate (Excel export) from npm (qr_vendor.py) and adds them to the site (hook.py)."""
