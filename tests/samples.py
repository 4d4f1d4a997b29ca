"""Speeches written for the input tests: one in simplified characters, one in traditional."""

from __future__ import annotations

SPEECH = """县委书记在全县经济工作会议上的讲话
同志们：
这次会议的主要任务是总结过去一年的经济工作，分析当前面临的形势，部署今年的重点任务。下面，我讲三点意见。
一、认清形势，坚定发展信心
过去一年，全县上下团结一心、攻坚克难，经济运行稳中有进。一是产业结构持续优化，新签约项目四十二个。二是民生保障更加有力，新增城镇就业三千余人。
（一）准确把握当前经济形势
当前，外部环境复杂多变，我们既要看到有利条件，也要正视困难和挑战。
（二）切实增强责任感和紧迫感
各级领导干部要把思想和行动统一到县委的决策部署上来。
二、突出工作重点，推动高质量发展
（一）抓项目建设。要坚持项目为王，一要强化要素保障，二要优化审批服务。
（二）抓改革创新。要深化重点领域改革，进一步激发市场主体活力。
三、加强组织领导，确保任务落实
同志们，做好今年的经济工作意义重大。让我们凝心聚力、真抓实干，奋力完成全年目标任务！
"""

# Traditional characters, as a Big5 file from Taiwan or Hong Kong would hold them.
SPEECH_TRADITIONAL = """縣長在全縣經濟工作會議上的講話
各位同仁：
這次會議的主要任務是總結過去一年的經濟工作，分析當前面臨的形勢，部署今年的重點任務。下面，我講三點意見。
一、認清形勢，堅定發展信心
過去一年，全縣上下團結一心、攻堅克難，經濟運行穩中有進。一是產業結構持續優化，新簽約項目四十二個。二是民生保障更加有力，新增就業三千餘人。
（一）準確把握當前經濟形勢
當前，外部環境複雜多變，我們既要看到有利條件，也要正視困難和挑戰。
（二）切實增強責任感和緊迫感
各級領導幹部要把思想和行動統一到縣府的決策部署上來。
二、突出工作重點，推動高品質發展
（一）抓項目建設。要堅持項目優先，一要強化要素保障，二要優化審批服務。
（二）抓改革創新。要深化重點領域改革，進一步激發市場活力。
三、加強組織領導，確保任務落實
各位同仁，做好今年的經濟工作意義重大。讓我們凝心聚力、真抓實幹，奮力完成全年目標任務！
"""


def headings(data: dict[str, object]) -> list[tuple[str, str | None]]:
    """(marker, title) of every section in document order, from an outline's JSON."""
    out: list[tuple[str, str | None]] = []

    def walk(sections: object) -> None:
        assert isinstance(sections, list)
        for s in sections:
            out.append((s["marker"]["text"], s["title"]))
            walk(s["children"])

    walk(data["sections"])
    return out
