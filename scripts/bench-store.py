#!/usr/bin/env python3
"""Fills an empty LawQuiz results store (created by lawquiz itself, so the
schema comes from its migrations) with a synthetic year of exam results:
N staff in ~300 departments, one formal exam, A submitted attempts whose
papers are drawn from the real banks, answers and scores consistent with the
keys. Bulk work is done in SQL so 13 million rows take seconds, not minutes.

Usage: bench-store.py DB BANKS_DIR EXAM_YAML [--staff N] [--attempts A]
"""
import argparse, os, re, random, sqlite3, sys, time

def parse_banks(folder):
    """Questions as (id, type, law, key code) from the bank YAML files (simple line format)."""
    questions = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(('.yaml', '.yml')):
            continue
        current = None
        for line in open(os.path.join(folder, name), encoding='utf-8'):
            m = re.match(r'^\s*-\s+id:\s*(\S+)', line)
            if m:
                if current: questions.append(current)
                current = {'id': m.group(1)}
                continue
            m = re.match(r'^\s+(type|law|answer):\s*(.+?)\s*$', line)
            if current is not None and m and m.group(1) not in current:
                current[m.group(1)] = m.group(2).strip('"\'')
        if current: questions.append(current)
    result = []
    for q in questions:
        if not all(k in q for k in ('type', 'law', 'answer')):
            continue
        answer = q['answer']
        if q['type'] == 'judge':
            key = 'T' if answer.lower() in ('true', 'yes', '对', 't') else 'F'
        else:
            key = ''.join(sorted(set(c for c in answer.upper() if c in 'ABCDEF')))
        if key:
            result.append((q['id'], q['type'], q['law'], key))
    return result

def parse_sections(exam_yaml):
    sections = []
    for line in open(exam_yaml, encoding='utf-8'):
        m = re.match(r'^\s*-\s*\{\s*law:\s*([\w-]+),\s*type:\s*(\w+),\s*count:\s*(\d+),\s*points:\s*([\d.]+)\s*\}', line)
        if m:
            sections.append((m.group(1), m.group(2), int(m.group(3)), float(m.group(4))))
    m = re.search(r'^id:\s*(\S+)', open(exam_yaml, encoding='utf-8').read(), re.M)
    return m.group(1), sections

SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志红文斌宇浩凯健俊帆鹏辉海波峰云飞晨阳'

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('db'); parser.add_argument('banks'); parser.add_argument('exam')
    parser.add_argument('--staff', type=int, default=100_000)
    parser.add_argument('--attempts', type=int, default=150_000)
    args = parser.parse_args()
    started = time.time()
    questions = parse_banks(args.banks)
    exam_id, sections = parse_sections(args.exam)
    if not sections:
        sys.exit('no sections found in ' + args.exam)
    db = sqlite3.connect(args.db, isolation_level=None)
    db.execute('PRAGMA journal_mode = DELETE'); db.execute('PRAGMA synchronous = OFF'); db.execute('PRAGMA cache_size = -200000')
    db.execute('BEGIN')
    rng = random.Random(20231120)
    # Departments: 10 branches × 5 offices × 5 teams = 250 teams, plus 50 offices (some staff sit directly in offices).
    teams = [f'第{b:02d}分公司/{o}/第{t}组' for b in range(1, 11) for o in ('综合部', '安全部', '生产部', '财务部', '档案室') for t in range(1, 6)]
    offices = sorted(set(t.rsplit('/', 1)[0] for t in teams))
    staff = []
    for n in range(1, args.staff + 1):
        department = rng.choice(offices) if n % 20 == 0 else teams[n % len(teams)]
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if n % 3 else '')
        staff.append((f'S{n:06d}', name, department, 0 if n % 50 == 0 else 1, '2023-11-01 08:00:00.000'))
    db.executemany('INSERT INTO staff (staff_id, name, department, active, updated_at) VALUES (?, ?, ?, ?, ?)', staff)
    # Attempts: most staff sit once, some twice, until the total is reached.
    sitters = [s[0] for s in staff if s[3] == 1 and rng.random() < 0.95]
    people = sitters + rng.sample(sitters, max(0, min(len(sitters), args.attempts - len(sitters))))
    people = people[:args.attempts]
    base = 1_700_438_400  # 2023-11-20 00:00:00 UTC
    rows = []
    for index, staff_id in enumerate(people):
        start = base + (index * 7) % (10 * 86400) + (86400 * 12 if index >= len(sitters) else 0)
        used = 900 + (index * 37) % 2700
        fmt = lambda t: time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(t)) + '.000'
        rows.append((exam_id, '2023年度学法考试', 'bench', staff_id, rng.getrandbits(62), fmt(start), fmt(start + 3600), fmt(start + used),
                     'submitted', 'submitted', 100.0, 1))
    db.executemany('''INSERT INTO attempt (exam_id, exam_title, definition_hash, staff_id, seed, started_at, deadline, submitted_at,
                      status, submit_reason, full_marks, is_formal) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)''', rows)
    # Question pools per section and the paper layout (position → section, index within section).
    db.execute('CREATE TEMP TABLE bq (section INTEGER, k INTEGER, qid TEXT, type TEXT, law TEXT, key TEXT, points REAL, PRIMARY KEY (section, k))')
    db.execute('CREATE TEMP TABLE sec (section INTEGER PRIMARY KEY, size INTEGER)')
    db.execute('CREATE TEMP TABLE pos (p INTEGER PRIMARY KEY, section INTEGER, j INTEGER)')
    p = 0
    for s, (law, qtype, count, points) in enumerate(sections):
        pool = [q for q in questions if q[2] == law and q[1] == qtype]
        if len(pool) < count:
            sys.exit(f'bank pool {law}/{qtype} has {len(pool)} questions, section needs {count}')
        db.executemany('INSERT INTO bq VALUES (?,?,?,?,?,?,?)', [(s, k, q[0], q[1], q[2], q[3], points) for k, q in enumerate(pool)])
        db.execute('INSERT INTO sec VALUES (?, ?)', (s, len(pool)))
        for j in range(count):
            db.execute('INSERT INTO pos VALUES (?, ?, ?)', (p, s, j)); p += 1
    db.execute('''INSERT INTO paper_item (attempt_id, item_index, question_id, content_hash, option_order, answer_key, points,
                      section_index, type, law_id)
                  SELECT a.id, pos.p, q.qid, 'bench', CASE q.type WHEN 'judge' THEN '' ELSE 'BADC' END, q.key, q.points, pos.section, q.type, q.law
                  FROM attempt a JOIN pos JOIN sec ON sec.section = pos.section
                  JOIN bq q ON q.section = pos.section AND q.k = ((a.id * 2654435761 + pos.section * 97) % sec.size + pos.j) % sec.size
                  ORDER BY a.id, pos.p''')
    # Answers: 97% answered; right with a per-attempt ability of 45–99%; wrong answers differ from the key.
    h = '((attempt_id * 1103515245 + item_index * 12345 + 7) % 1000)'
    ability = '(450 + (attempt_id * 7919) % 550)'
    right = f'({h} < {ability})'
    answered = f'(((attempt_id * 69069 + item_index * 1013) % 100) < 97)'
    wrong = '''CASE type WHEN 'judge' THEN (CASE answer_key WHEN 'T' THEN 'F' ELSE 'T' END)
                  WHEN 'single' THEN char(65 + ((unicode(answer_key) - 65 + 1 + item_index % 3) % 4))
                  ELSE (CASE WHEN length(answer_key) > 1 THEN substr(answer_key, 1, length(answer_key) - 1)
                             WHEN answer_key = 'A' THEN 'AB' ELSE 'A' || answer_key END) END'''
    db.execute(f'''INSERT INTO response (attempt_id, item_index, answer, answered_at, marked)
                   SELECT attempt_id, item_index, CASE WHEN {right} THEN answer_key ELSE {wrong} END, '2023-11-20 10:00:00.000', 0
                   FROM paper_item WHERE {answered} ORDER BY attempt_id, item_index''')
    db.execute(f'''CREATE TEMP TABLE scores AS SELECT attempt_id AS id, SUM(CASE WHEN {answered} AND {right} THEN points ELSE 0 END) AS score
                   FROM paper_item GROUP BY attempt_id''')
    db.execute('''UPDATE attempt SET score = s.score, passed = s.score >= 60, excellent = s.score >= 90
                  FROM scores s WHERE attempt.id = s.id''')
    # Answer sheets (migration v7-answer-sheet), by the statement lawquiz submits with (AnswerSheet.insertSQL).
    if db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'answer_sheet'").fetchone():
        record = ("char(30) || p.item_index || char(31) || p.question_id || char(31) || p.answer_key || char(31) || printf('%!.17g', p.points)"
                  " || char(31) || coalesce(r.answer, '')")
        db.execute(f'''INSERT INTO answer_sheet (attempt_id, sheet)
                       SELECT a.id, '1' || coalesce((SELECT group_concat({record}, '') FROM paper_item p
                           LEFT JOIN response r ON r.attempt_id = p.attempt_id AND r.item_index = p.item_index
                           WHERE p.attempt_id = a.id), '')
                       FROM attempt a WHERE a.status = 'submitted' ''')
    db.execute('COMMIT')
    db.execute('PRAGMA journal_mode = WAL')
    counts = {t: db.execute(f'SELECT COUNT(*) FROM {t}').fetchone()[0] for t in ('staff', 'attempt', 'paper_item', 'response')}
    departments = db.execute('SELECT COUNT(DISTINCT department) FROM staff').fetchone()[0]
    db.close()
    print(f'synthetic store: {counts["staff"]} staff in {departments} departments, {counts["attempt"]} attempts, '
          f'{counts["paper_item"]} paper items, {counts["response"]} responses ({time.time() - started:.1f} s)')

if __name__ == '__main__':
    main()
